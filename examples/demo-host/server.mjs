// Acme Cloud — a demo host website with its own login that embeds Portico behind it.
//
// One process: (1) the Portico reference server, in process, on its embedded database (seeded);
// (2) the host site with its own users, a signed session cookie and a `POST /api/portal-token`
// that mints the portal token on the server (the browser never sees the secret); (3) a same-origin
// proxy of `/portal/v1/*` to Portico (SSE streamed, downloads passed through); (4) a demo-only
// "agent reply" that goes through Portico's staff API. Every page is served under a strict CSP
// with Trusted Types.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mintPortalToken, seed, startServer } from '@portico/server';
import { buildApp } from './build.mjs';
import { clientPortal } from './client-portal.mjs';
import { demoConnectors, startZendeskDemo } from './connectors-demo.mjs';

const t0 = performance.now();
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const env = process.env;

const PORT = Number(env.PORT ?? 3000);
const PORTICO_PORT = Number(env.PORTICO_PORT ?? 4010);
const dataDir = env.PORTICO_DATA_DIR === 'memory://' ? 'memory://' : resolve(repoRoot, env.PORTICO_DATA_DIR || '.portico/data');
const filesDir = resolve(repoRoot, env.PORTICO_FILES_DIR || '.portico/files');
const TOKEN_TTL = 600; // seconds: the portal token lives 10 minutes, the client refreshes it

// Secrets live in this process's memory only and are never printed: random at each start unless
// given (PORTICO_JWT_SECRET / PORTICO_STAFF_KEY, e.g. to share them with another process or a test).
const jwtSecret = env.PORTICO_JWT_SECRET || randomBytes(32).toString('base64url');
const staffKey = env.PORTICO_STAFF_KEY || randomBytes(32).toString('base64url');
const sessionKey = randomBytes(32);

/** The host's own user table: Portico learns org and roles from the token the host mints. */
const USERS = {
  alice: {
    id: 'alice',
    name: 'Alice Anders',
    email: 'alice@acme.example',
    org: 'acme',
    orgName: 'Acme Corporation',
    roles: ['member', 'admin', 'approver'],
  },
  bob: { id: 'bob', name: 'Bob Brown', email: 'bob@acme.example', org: 'acme', orgName: 'Acme Corporation', roles: ['member'] },
  // Acme Studio's own staff (the firm's side of the client portal): reviews the documents Acme
  // Corporation uploads, asks for more, replies as the studio and shares private links.
  sam: {
    id: 'sam',
    name: 'Sam Sato',
    email: 'sam@studio.example',
    org: 'acme',
    orgName: 'Acme Studio (staff)',
    roles: ['member', 'reviewer'],
  },
  gina: {
    id: 'gina',
    name: 'Gina Garcia',
    email: 'gina@globex.example',
    org: 'globex',
    orgName: 'Globex Inc.',
    roles: ['member', 'admin'],
  },
};
const THEMES = ['light', 'dark', 'brand'];

// The seeded knowledge-base articles' screenshots are Portico's own (same origin, /portal/v1/assets/kb/…);
// KB_IMAGE_HOSTS adds other image hosts for articles of your own.
const KB_IMAGE_HOSTS = (env.KB_IMAGE_HOSTS ?? '').split(/\s+/).filter(Boolean);

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' data: blob: ${KB_IMAGE_HOSTS.join(' ')}`.trim(),
  "media-src 'self' blob:",
  "frame-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  // Only the policies the pages create (the e2e test checks it): lit-html (Lit's templates) and
  // dompurify (DOMPurify's own, used by the sanitizer of ticket messages and articles). A host that
  // calls `sanitizeTrustedHtml` from `@portico/elements/sanitize` itself would add `portico`.
  'trusted-types lit-html dompurify acme-pdf-worker',
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

// ---------------------------------------------------------------------------------------------
// Start Portico (in process) and bundle the front end, in parallel.

const quietLog = env.LOG_LEVEL ?? 'warn';
// PORTICO_DEMO_CONNECTORS=stripe,zendesk (either or both; DEMO ONLY): Billing from an in-process
// fake Stripe (stripe-demo.mjs), tickets from a Zendesk fake (connectors-demo.mjs); docs/connectors.md.
const demo = demoConnectors(env);
const stripeDemo = demo.has('stripe') ? await (await import('./stripe-demo.mjs')).startStripeDemo(env) : undefined;
const zendeskDemo = demo.has('zendesk') ? await startZendeskDemo(env) : undefined;
const timings = {};
const timed = (name, promise) => promise.finally(() => (timings[name] = performance.now() - t0));
const [portico, bundle] = await Promise.all([
  timed(
    'portico',
    startServer({
      config: {
        port: PORTICO_PORT,
        dataDir,
        filesDir,
        jwtSecret,
        staffKey,
        logLevel: quietLog,
        allowedOrigins: [`http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`],
        // The portal edits language and time zone; name and email are Acme's (its sign-in).
        profileManageUrl: '/account#identity',
      },
    }),
  ),
  timed('bundle', buildApp({ quiet: true })),
]);
const tSeed = performance.now();
const seeded = await seed(portico.db, { filesDir });
await stripeDemo?.map(portico.url, staffKey);
await zendeskDemo?.map(portico.url, staffKey);
timings.seed = performance.now() - tSeed;
const porticoAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });

// The chunks app.js imports statically: announced with <link rel="modulepreload"> so the browser
// fetches them together with app.js rather than after parsing it.
const appOutput = Object.entries(bundle.metafile.outputs).find(([file]) => file.replace(/\\/g, '/').endsWith('dist/app.js'))?.[1];
const preloads = (appOutput?.imports ?? [])
  .filter((i) => i.kind === 'import-statement' && !i.external)
  .map((i) => `/assets/${i.path.replace(/\\/g, '/').replace(/^.*?dist\//, '')}`);

// ---------------------------------------------------------------------------------------------
// Helpers

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function parseCookies(req) {
  const out = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

const sign = (value) => createHmac('sha256', sessionKey).update(value).digest('base64url');

function sessionCookie(userId) {
  const payload = Buffer.from(JSON.stringify({ u: userId, exp: Date.now() + 8 * 3600e3 })).toString('base64url');
  return `acme_session=${payload}.${sign(payload)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${8 * 3600}`;
}

function currentUser(req) {
  const raw = parseCookies(req).acme_session;
  if (!raw) return undefined;
  const [payload, mac] = raw.split('.');
  if (!payload || !mac) return undefined;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const { u, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return exp > Date.now() && Object.hasOwn(USERS, u) ? USERS[u] : undefined;
  } catch {
    return undefined;
  }
}

const themeOf = (req) => {
  const t = parseCookies(req).acme_theme;
  return THEMES.includes(t) ? t : 'light';
};
const isAdmin = (user) => user.roles.includes('admin');

/** The host's language switch: sets the page's `lang`/`dir` and the provider's language (the components follow). */
const LANGS = { en: 'English', de: 'Deutsch', ar: 'العربية' };
const langOf = (req) => {
  const l = parseCookies(req).acme_lang;
  return Object.hasOwn(LANGS, l ?? '') ? l : 'en';
};
/** Acme's own chrome in the three languages (the components translate themselves). */
const CHROME = {
  en: {
    skip: 'Skip to content',
    theme: 'Theme',
    language: 'Language',
    signOut: 'Sign out',
    main: 'Main',
    support: 'Support',
    help: 'Help',
    billing: 'Billing',
    projects: 'Projects',
    admins: 'Admins only',
  },
  de: {
    skip: 'Zum Inhalt springen',
    theme: 'Design',
    language: 'Sprache',
    signOut: 'Abmelden',
    main: 'Hauptnavigation',
    support: 'Support',
    help: 'Hilfe',
    billing: 'Abrechnung',
    projects: 'Projekte',
    admins: 'Nur für Admins',
  },
  ar: {
    skip: 'انتقل إلى المحتوى',
    theme: 'المظهر',
    language: 'اللغة',
    signOut: 'تسجيل الخروج',
    main: 'التنقل الرئيسي',
    support: 'الدعم',
    help: 'المساعدة',
    billing: 'الفواتير',
    projects: 'المشاريع',
    admins: 'للمسؤولين فقط',
  },
};

/** A POST from our own pages: the browser's Sec-Fetch-Site / Origin must say same origin. */
function sameOrigin(req) {
  const site = req.headers['sec-fetch-site'];
  if (site) return site === 'same-origin';
  const origin = req.headers.origin;
  return !origin || origin === `http://${req.headers.host}`;
}

async function readBody(req, limit = 64 * 1024) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return text ? JSON.parse(text) : {};
  return Object.fromEntries(new URLSearchParams(text));
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  res.end(body);
}
const json = (res, status, value, headers = {}) =>
  send(res, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
const redirect = (res, location, headers = {}) => send(res, 303, '', { Location: location, ...headers });
const problem = (res, status, title) =>
  send(res, status, JSON.stringify({ type: 'about:blank', title, status }), {
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
  });

const mint = (user) =>
  mintPortalToken({
    secret: jwtSecret,
    sub: user.id,
    org: user.org,
    roles: user.roles,
    name: user.name,
    email: user.email,
    ttl: TOKEN_TTL,
  });

/** A portal API call made by the host's backend on the user's behalf (the Projects page). */
async function portalGet(user, path) {
  const res = await fetch(`http://127.0.0.1:${portico.port}/portal/v1${path}`, {
    headers: { authorization: `Bearer ${await mint(user)}`, accept: 'application/json' },
  });
  if (!res.ok) return { status: res.status };
  return { status: res.status, data: await res.json() };
}

const ID = /^[A-Za-z0-9_-]{1,80}$/;

// ---------------------------------------------------------------------------------------------
// Pages

/** A staff API call made by the host's backend (the studio's tools; DEMO ONLY). */
async function staffPost(path, body) {
  const res = await fetch(`http://127.0.0.1:${portico.port}/staff/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staffKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}
const studio = clientPortal({ esc, staffPost, portalGet });

const NAV = [
  ['support', '/support', 'Support'],
  ['help', '/help', 'Help'],
  ['billing', '/billing', 'Billing'],
  ['projects', '/projects', 'Projects'],
  ['account', '/account', 'Account'],
];

function layout(req, { user, title, active = '', body, portal = true }) {
  const theme = themeOf(req);
  const lang = langOf(req);
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const c = CHROME[lang];
  const here = new URL(req.url, 'http://x');
  const back = here.pathname + here.search; // the theme and language switches come back with the lists' state
  const nav = user
    ? `<nav class="nav" aria-label="${esc(c.main)}"><ul>${NAV.map(([key, href, label]) => {
        const disabled = key === 'billing' && !isAdmin(user);
        return `<li><a href="${href}"${active === key ? ' aria-current="page"' : ''}${disabled ? ` class="is-restricted" title="${esc(c.admins)}"` : ''}>${esc(c[key] ?? label)}</a></li>`;
      }).join('')}</ul></nav>
      <div class="account">
        <portico-notification-bell href="/notifications" theme="${theme === 'dark' ? 'dark' : 'light'}"></portico-notification-bell>
        <span class="who"><strong>${esc(user.name)}</strong> <span class="muted">${esc(user.orgName)} · ${esc(user.roles.filter((r) => r !== 'member').join(', ') || 'member')}</span></span>
        <form method="post" action="/logout"><button type="submit" class="link-button">${esc(c.signOut)}</button></form>
      </div>`
    : '';
  const languages = `<form class="themes languages" method="post" action="/lang" aria-label="${esc(c.language)}">
      <input type="hidden" name="back" value="${esc(back)}">
      <span class="muted">${esc(c.language)}</span>
      ${Object.entries(LANGS)
        .map(
          ([l, name]) =>
            `<button type="submit" name="lang" value="${l}" lang="${l}" dir="auto" aria-pressed="${l === lang}">${esc(name)}</button>`,
        )
        .join('')}
    </form>`;
  const switcher = `<form class="themes" method="post" action="/theme" aria-label="${esc(c.theme)}">
      <input type="hidden" name="back" value="${esc(back)}">
      <span class="muted">${esc(c.theme)}</span>
      ${THEMES.map((t) => `<button type="submit" name="theme" value="${t}" aria-pressed="${t === theme}">${t === 'brand' ? 'Client brand' : t[0].toUpperCase() + t.slice(1)}</button>`).join('')}
    </form>`;
  const content = portal
    ? `<div class="portal portal--${theme}"><portico-provider theme="${theme === 'dark' ? 'dark' : 'light'}" lang="${lang}" dir="${dir}">${body}</portico-provider></div>`
    : body;
  return `<!doctype html>
<html lang="${lang}" dir="${dir}" data-theme="${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Acme Cloud</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/site.css">
${user ? ['<script type="module" src="/assets/app.js"></script>', ...preloads.map((p) => `<link rel="modulepreload" href="${p}">`)].join('\n') : ''}
</head>
<body>
<a class="skip-link" href="#main">${esc(c.skip)}</a>
<header class="masthead">
  <a class="brand" href="/"><span class="logo" aria-hidden="true">▲</span> Acme Cloud</a>
  ${nav}
  <div class="switchers">${languages}${switcher}</div>
</header>
<main id="main" class="main" tabindex="-1">
${content}
</main>
<footer class="footer muted">Acme Cloud is a demo host site. Its portal features are <a href="https://github.com/">Portico</a> web components, served under a strict Content-Security-Policy with Trusted Types.</footer>
</body>
</html>`;
}

function page(res, html, status = 200) {
  send(res, status, html, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
}

function loginPage(req, res, error = '') {
  const choices = Object.values(USERS)
    .map(
      (u, i) => `<label class="choice">
        <input type="radio" name="user" value="${u.id}"${i === 0 ? ' checked' : ''}>
        <span><strong>${esc(u.name)}</strong> <span class="muted">${esc(u.id)} · ${esc(u.orgName)} · ${esc(u.roles.join(', '))}</span></span>
      </label>`,
    )
    .join('');
  page(
    res,
    layout(req, {
      title: 'Sign in',
      portal: false,
      body: `<section class="card login">
        <h1>Sign in to Acme Cloud</h1>
        <p class="muted">Acme Cloud has its own login; Portico never sees a password. After you sign in, Acme's backend mints a
        short-lived portal token for you (your organization and roles come from Acme's user table).</p>
        ${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
        <form method="post" action="/login" class="stack">
          <fieldset><legend>Choose a demo user</legend>${choices}</fieldset>
          <button type="submit" class="button">Sign in</button>
        </form>
      </section>`,
    }),
    error ? 400 : 200,
  );
}

async function projectsPage(req, res, user) {
  const r = await portalGet(user, '/projects?limit=50');
  const projects = r.data?.data ?? [];
  const items = projects
    .map(
      (p) => `<li class="card project">
        <h2><a href="/projects/${esc(p.id)}">${esc(p.name)}</a></h2>
        <p class="muted">${esc(p.description)}</p>
        <p><span class="pill">${esc(p.status.replace(/_/g, ' '))}</span> ${p.milestones.filter((m) => m.status === 'done').length}/${p.milestones.length} milestones done</p>
      </li>`,
    )
    .join('');
  page(
    res,
    layout(req, {
      user,
      title: 'Projects',
      active: 'projects',
      body: `<h1>Projects</h1>
        <p class="lede">Work Acme Studio delivers to ${esc(user.orgName)}: review deliverables, comment and approve.</p>
        ${r.status !== 200 ? `<p class="notice" role="alert">Projects could not be loaded (${r.status}).</p>` : ''}
        <ul class="projects" data-testid="projects">${items || '<li class="muted">No projects yet.</li>'}</ul>`,
    }),
  );
}

async function projectPage(req, res, user, projectId) {
  const r = await portalGet(user, `/projects/${encodeURIComponent(projectId)}`);
  if (r.status === 404) return notFound(req, res, user);
  const p = r.data ?? { name: 'Project', description: '' };
  page(
    res,
    layout(req, {
      user,
      title: p.name,
      active: 'projects',
      body: `<p class="crumbs"><a href="/projects">Projects</a> / ${esc(p.name)}</p>
        <h1>${esc(p.name)}</h1>
        <p class="lede">${esc(p.description)}</p>
        <div class="grid grid--project">
          <section aria-labelledby="deliverables-h">
            <h2 id="deliverables-h">Deliverables</h2>
            <portico-deliverable-list project-id="${esc(projectId)}" data-href="/projects/${esc(projectId)}/deliverables/{id}"></portico-deliverable-list>
          </section>
          <section aria-labelledby="timeline-h">
            <h2 id="timeline-h">Timeline</h2>
            <portico-project-timeline project-id="${esc(projectId)}"></portico-project-timeline>
          </section>
        </div>
        <div class="grid grid--project">
          <div class="stack">${studio.projectSections(projectId)}</div>
          ${studio.studioTools(user, projectId)}
        </div>`,
    }),
  );
}

async function deliverablePage(req, res, user, projectId, deliverableId) {
  const [r, d] = await Promise.all([
    portalGet(user, `/projects/${encodeURIComponent(projectId)}`),
    portalGet(user, `/deliverables/${encodeURIComponent(deliverableId)}`),
  ]);
  if (r.status === 404 || d.status === 404) return notFound(req, res, user);
  const p = r.data ?? { name: 'Project' };
  const name = d.data?.title ?? 'Deliverable';
  page(
    res,
    layout(req, {
      user,
      title: `${name} · ${p.name}`,
      active: 'projects',
      body: `<p class="crumbs"><a href="/projects">Projects</a> / <a href="/projects/${esc(projectId)}">${esc(p.name)}</a> / <bdi>${esc(name)}</bdi></p>
        <h1 dir="auto">${esc(name)}</h1>
        <div class="grid grid--deliverable">
          <portico-deliverable-viewer deliverable-id="${esc(deliverableId)}"></portico-deliverable-viewer>
          <aside class="stack" aria-label="Review">
            <section class="card"><h2>Your decision</h2>
              <portico-approval-button deliverable-id="${esc(deliverableId)}"></portico-approval-button></section>
            <section class="card"><h2>History</h2>
              <portico-approval-history deliverable-id="${esc(deliverableId)}"></portico-approval-history></section>
          </aside>
        </div>`,
    }),
  );
}

function notFound(req, res, user) {
  page(
    res,
    layout(req, { user, title: 'Not found', portal: false, body: '<h1>Not found</h1><p><a href="/">Back to the start page</a></p>' }),
    404,
  );
}

// ---------------------------------------------------------------------------------------------
// Static assets (dist/ bundle and public/), no directory traversal.

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.png': 'image/png',
};

async function serveAsset(req, res, pathname) {
  const rel = decodeURIComponent(pathname.slice('/assets/'.length));
  for (const root of [join(here, 'dist'), join(here, 'public')]) {
    const file = resolve(root, rel);
    if (!file.startsWith(root + sep)) break;
    try {
      if (!(await stat(file)).isFile()) continue;
      const body = await readFile(file);
      return send(res, 200, req.method === 'HEAD' ? undefined : body, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
    } catch {}
  }
  send(res, 404, 'Not found', { 'Content-Type': 'text/plain' });
}

// ---------------------------------------------------------------------------------------------
// Same-origin proxy of the portal API: streams both ways (SSE is never buffered).

const HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'];

function proxyPortal(req, res) {
  const headers = { ...req.headers };
  for (const h of HOP) delete headers[h];
  delete headers.cookie; // Acme's session cookie is none of Portico's business
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  headers['x-forwarded-proto'] = 'http';
  // `host` stays the browser's, so links Portico builds (signed file URLs) point at this origin.
  const upstream = http.request(
    { host: '127.0.0.1', port: portico.port, method: req.method, path: req.url, headers, agent: porticoAgent },
    (up) => {
      const out = { ...up.headers };
      for (const h of HOP) delete out[h];
      res.writeHead(up.statusCode ?? 502, out);
      if (String(up.headers['content-type'] ?? '').startsWith('text/event-stream')) {
        req.socket.setNoDelay(true);
        res.flushHeaders();
      }
      up.on('error', () => res.destroy()); // aborted mid-stream (the browser left, or Portico stopped)
      up.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) problem(res, 502, 'Portal unavailable');
    else res.destroy();
  });
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.on('error', () => upstream.destroy());
  res.on('error', () => upstream.destroy());
  req.pipe(upstream);
}

// ---------------------------------------------------------------------------------------------
// Routes

async function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://x');
  const path = url.pathname;
  const method = req.method ?? 'GET';

  if (path.startsWith('/portal/v1/') || path === '/portal/v1') return proxyPortal(req, res);
  if (path.startsWith('/assets/') && (method === 'GET' || method === 'HEAD')) return serveAsset(req, res, path);
  if (path === '/favicon.ico') return redirect(res, '/assets/favicon.svg');
  if (path === '/healthz') return json(res, 200, { ok: true });

  const user = currentUser(req);

  if (method === 'POST') {
    if (!sameOrigin(req)) return problem(res, 403, 'Cross-site request refused');
    if (path === '/login') {
      const { user: id } = await readBody(req);
      if (!Object.hasOwn(USERS, id ?? '')) return loginPage(req, res, 'Choose one of the demo users.');
      return redirect(res, '/support', { 'Set-Cookie': sessionCookie(id) });
    }
    if (path === '/logout') return redirect(res, '/login', { 'Set-Cookie': 'acme_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0' });
    if (path === '/theme') {
      const { theme, back } = await readBody(req);
      const to = typeof back === 'string' && back.startsWith('/') && !back.startsWith('//') ? back : '/';
      const t = THEMES.includes(theme) ? theme : 'light';
      return redirect(res, to, { 'Set-Cookie': `acme_theme=${t}; Path=/; SameSite=Lax; Max-Age=31536000` });
    }
    if (path === '/lang') {
      const { lang, back } = await readBody(req);
      const to = typeof back === 'string' && back.startsWith('/') && !back.startsWith('//') ? back : '/';
      const l = Object.hasOwn(LANGS, lang ?? '') ? lang : 'en';
      return redirect(res, to, { 'Set-Cookie': `acme_lang=${l}; Path=/; SameSite=Lax; Max-Age=31536000` });
    }
    if (path === '/api/portal-token') {
      // The custom header cannot be sent cross-site without a CORS preflight, which we never grant.
      if (req.headers['x-portico-csrf'] !== '1') return problem(res, 403, 'Missing x-portico-csrf header');
      if (!user) return problem(res, 401, 'Not signed in');
      const token = await mint(user);
      return json(res, 200, { token, expires_at: new Date(Date.now() + TOKEN_TTL * 1000).toISOString() });
    }
    if (path === '/demo/staff-reply') {
      // DEMO ONLY: stands in for Acme's help-desk tool, which would call the staff API itself.
      if (!user) return problem(res, 401, 'Not signed in');
      if (!isAdmin(user)) return problem(res, 403, 'Admins only');
      const isJson = (req.headers['content-type'] ?? '').startsWith('application/json');
      if (isJson && req.headers['x-portico-csrf'] !== '1') return problem(res, 403, 'Missing x-portico-csrf header');
      const body = await readBody(req);
      const ticketId = String(body.ticketId ?? body.ticket_id ?? '');
      if (!ID.test(ticketId)) return problem(res, 400, 'ticketId is required');
      // Only tickets of the user's own organization (the staff API itself is not scoped).
      const visible = await portalGet(user, `/tickets/${encodeURIComponent(ticketId)}`);
      if (visible.status !== 200) return problem(res, 404, 'No such ticket');
      const text = String(body.body ?? '').trim() || 'Thanks for your patience, we are looking into it.';
      const r = await fetch(`http://127.0.0.1:${portico.port}/staff/v1/tickets/${encodeURIComponent(ticketId)}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${staffKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: text.slice(0, 5000), agent_name: 'Sam Support' }),
      });
      const message = await r.json().catch(() => ({}));
      if (!isJson) return redirect(res, `/support/tickets/${encodeURIComponent(ticketId)}`);
      return json(res, r.status, r.ok ? { ok: true, message_id: message.id } : { ok: false, status: r.status });
    }
    if (path.startsWith('/demo/')) {
      const isJson = (req.headers['content-type'] ?? '').startsWith('application/json');
      const body = await readBody(req);
      const origin = `http://${req.headers.host}`;
      if (await studio.handlePost(req, res, { user, path, body, isJson, origin, json, problem, redirect, ID })) return;
    }
    return problem(res, 404, 'Not found');
  }
  if (method !== 'GET' && method !== 'HEAD') return problem(res, 405, 'Method not allowed');

  // A private client link's page: no sign-in (the link's token is the access).
  if (path === '/client') {
    const lang = langOf(req);
    return page(res, studio.clientPage({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr', theme: themeOf(req) }));
  }

  if (path === '/login') return user ? redirect(res, '/support') : loginPage(req, res);
  if (!user) return redirect(res, '/login');
  if (path === '/') return redirect(res, '/support');

  if (path === '/support') {
    return page(
      res,
      layout(req, {
        user,
        title: 'Support',
        active: 'support',
        body: `<div class="heading-row"><h1>Support</h1><a class="button" href="/support/new">New ticket</a></div>
          <p class="lede">${isAdmin(user) ? `Every ticket of ${esc(user.orgName)}.` : 'Your tickets.'} Updates arrive live.</p>
          <portico-ticket-list url-state="tickets-" scope="${isAdmin(user) ? 'organization' : 'mine'}"></portico-ticket-list>`,
      }),
    );
  }
  if (path === '/support/new') {
    return page(
      res,
      layout(req, {
        user,
        title: 'New ticket',
        active: 'support',
        body: `<p class="crumbs"><a href="/support">Support</a> / New ticket</p>
          <h1>New ticket</h1>
          <p class="lede">Describe the problem: matching help articles are suggested while you type.</p>
          <portico-ticket-form></portico-ticket-form>`,
      }),
    );
  }
  let m = /^\/support\/tickets\/([^/]+)$/.exec(path);
  if (m && ID.test(m[1])) {
    const id = m[1];
    const agent = isAdmin(user)
      ? `<aside class="card demo-agent" aria-labelledby="agent-h">
          <h2 id="agent-h">Agent side <span class="pill pill--demo">demo only</span></h2>
          <p class="muted">Stands in for Acme's help desk: posts a reply as the agent "Sam Support" through Portico's staff API
          (server to server, with the staff key). The ticket above shows it live, without a reload.</p>
          <form class="stack" method="post" action="/demo/staff-reply" data-staff-reply>
            <input type="hidden" name="ticketId" value="${esc(id)}">
            <label for="agent-body">Reply</label>
            <textarea id="agent-body" name="body" rows="2">Thanks, we have reproduced it and a fix is on its way.</textarea>
            <button type="submit" class="button button--secondary">Send as agent</button>
            <p class="muted" data-staff-reply-status role="status"></p>
          </form>
        </aside>`
      : '';
    // The page's title and heading name the ticket (the component shows its subject as the next heading).
    const t = await portalGet(user, `/tickets/${encodeURIComponent(id)}`);
    if (t.status === 404) return notFound(req, res, user);
    const label = typeof t.data?.number === 'number' ? `Ticket #${t.data.number}` : 'Ticket';
    return page(
      res,
      layout(req, {
        user,
        title: t.data?.subject ? `${label}: ${t.data.subject}` : label,
        active: 'support',
        body: `<p class="crumbs"><a href="/support">Support</a> / ${esc(label)}</p>
          <h1>${esc(label)}</h1>
          <portico-ticket-detail ticket-id="${esc(id)}"></portico-ticket-detail>
          ${agent}`,
      }),
    );
  }
  if (path === '/help') {
    // ?topic=<slug> opens a topic's articles (the home links its topics here).
    const topic = /^[a-z0-9-]{1,120}$/.exec(url.searchParams.get('topic') ?? '')?.[0] ?? '';
    return page(
      res,
      layout(req, {
        user,
        title: 'Help',
        active: 'help',
        body: `<h1>Help center</h1>
          <p class="lede">Search the knowledge base (try “How do I download my invoice”), or browse by topic.</p>
          <portico-kb-search popular article-href="/help/{slug}"></portico-kb-search>
          <portico-kb-home article-href="/help/{slug}" category-href="/help?topic={slug}" category="${esc(topic)}"></portico-kb-home>`,
      }),
    );
  }
  m = /^\/help\/([a-z0-9-]{1,120})$/.exec(path);
  if (m) {
    const a = await portalGet(user, `/articles/${m[1]}`);
    if (a.status === 404) return notFound(req, res, user);
    return page(
      res,
      layout(req, {
        user,
        title: a.data?.title ? `${a.data.title} · Help` : 'Help',
        active: 'help',
        body: `<p class="crumbs"><a href="/help">Help</a> / Article</p>
          <portico-kb-search article-href="/help/{slug}"></portico-kb-search>
          <portico-kb-article slug="${esc(m[1])}" heading-level="1"></portico-kb-article>`,
      }),
    );
  }
  if (path === '/billing') {
    // The invoice detail opens in place (?invoice=<id> keeps it on reload): src/app.ts handles the table's select event.
    const invoice = new URL(req.url, 'http://x').searchParams.get('invoice') ?? '';
    const shown = ID.test(invoice) ? invoice : '';
    return page(
      res,
      layout(req, {
        user,
        title: 'Billing',
        active: 'billing',
        body: `<h1>Billing</h1>${
          isAdmin(user)
            ? `<p class="lede">Plan, usage, payment methods and invoices of ${esc(user.orgName)}.</p>
              <p class="notice" role="status" data-billing-notice></p>
              <div class="billing-grid">
                <section class="card" aria-labelledby="h-plan"><h2 id="h-plan">Subscription</h2><portico-subscription></portico-subscription></section>
                <section class="card" aria-labelledby="h-methods"><h2 id="h-methods">Payment methods</h2><portico-payment-methods></portico-payment-methods></section>
              </div>
              <section aria-labelledby="h-usage"><h2 id="h-usage">Usage this period</h2><portico-usage heading-level="3"></portico-usage></section>
              <section aria-labelledby="h-invoices"><h2 id="h-invoices">Invoices</h2>
                <p class="muted">Choose an invoice to see its lines, tax and payments.</p>
                <portico-invoice-table url-state="invoices-"${shown ? ` selected="${esc(shown)}"` : ''}></portico-invoice-table>
              </section>
              <section class="card" id="invoice-detail" aria-label="Invoice" tabindex="-1"${shown ? '' : ' hidden'}>
                <button type="button" class="link-button" data-close-invoice>Close invoice</button>
                <portico-invoice-detail invoice-id="${esc(shown)}" heading-level="2"></portico-invoice-detail>
              </section>`
            : `<p class="notice" role="status" data-testid="billing-restricted">Billing is available to your organization's admins.
               Ask an admin of ${esc(user.orgName)} for invoices.</p>`
        }`,
      }),
    );
  }
  if (path === '/projects') return projectsPage(req, res, user);
  if (path === '/notifications' || path === '/account') return notificationCentrePage(req, res, user, path);
  m = /^\/projects\/([^/]+)$/.exec(path);
  if (m && ID.test(m[1])) return projectPage(req, res, user, m[1]);
  m = /^\/projects\/([^/]+)\/deliverables\/([^/]+)$/.exec(path);
  if (m && ID.test(m[1]) && ID.test(m[2])) return deliverablePage(req, res, user, m[1], m[2]);
  return notFound(req, res, user);
}

// The notification centre: every notification, and the contact's own account (profile, preferences).
function notificationCentrePage(req, res, user, path) {
  const account = path === '/account';
  return page(
    res,
    layout(req, {
      user,
      title: account ? 'Account' : 'Notifications',
      active: account ? 'account' : '',
      body: account
        ? `<h1>Account</h1>
          <section aria-labelledby="profile-h"><h2 id="profile-h">Profile</h2><portico-profile></portico-profile></section>
          <section aria-labelledby="identity-h" id="identity"><h2 id="identity-h">Name and email</h2>
            <p class="muted">Acme Cloud's sign-in owns your name and email (in this demo the users are fixed: sign out and pick another).</p></section>
          <section aria-labelledby="prefs-h"><h2 id="prefs-h">Notifications</h2>
            <p class="lede">Choose what reaches you in the portal and by email. Acme's mailer reads these before it sends anything.</p>
            <portico-notification-preferences></portico-notification-preferences></section>`
        : `<h1>Notifications</h1><portico-notification-feed view="all"></portico-notification-feed>`,
    }),
  );
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) problem(res, err.status ?? 500, err.status ? 'Bad request' : 'Internal error');
    else res.destroy();
  });
});
await new Promise((ok) => server.listen(PORT, ok));
const port = server.address().port;

const where =
  dataDir === 'memory://' ? 'in memory' : env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : dataDir.replace(`${repoRoot}${sep}`, '');
console.log(
  `Portico reference server on http://localhost:${portico.port} (${where}; ${seeded.skipped ? 'demo data already loaded' : 'demo data loaded'}; ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: database + migrations ${(timings.portico / 1000).toFixed(1)} s, bundle ${(timings.bundle / 1000).toFixed(1)} s, seed ${(timings.seed / 1000).toFixed(1)} s)`,
);
console.log(`Acme Cloud demo: http://localhost:${port} (sign in as alice, bob or gina)`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections?.();
  server.close();
  await portico.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
