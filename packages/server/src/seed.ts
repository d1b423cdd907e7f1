/**
 * The demo data set: organizations `acme` (alice: admin + approver, bob: member, …) and
 * `globex` (gina: admin, …), each with ~200 tickets and their threads, ~50 invoices with PDFs,
 * 3 projects with milestones and deliverables in several versions (PNG, PDF, text), comments
 * and approvals; ~60 published articles. Multi-row inserts in one transaction (seconds), and
 * idempotent: a second run finds its mark in `seed_runs` and does nothing.
 *
 * It writes through the same building blocks the staff API uses (`insertFile`, the storage,
 * the mappers' tables); rows are inserted in bulk rather than one request at a time.
 */
import { mockupPng, simplePdf } from './assets.js';
import { seedBilling } from './billing/seed.js';
import type { Config } from './config.js';
import { type Db, insertMany, type Queryable } from './db/db.js';
import { bindOrg } from './db/tenant.js';
import { kbImageUrl } from './http/public-assets.js';
import { newId } from './ids.js';
import { insertFile } from './routes/files.js';
import { agentId } from './routes/staff.js';
import { PRIORITY_RANK, SLA_HOURS } from './routes/tickets.js';
import { seedHelpArticles, seedHelpVotes } from './seed-articles.js';
import { briefPdf, copyDeck, documentVersions } from './seed-documents.js';
import { seedNotifications } from './seed-notifications.js';
import { seedDocumentRequests } from './seed-requests.js';
import { createStorage, type Storage } from './storage/index.js';

export interface SeedSummary {
  skipped: boolean;
  organizations: number;
  tickets: number;
  messages: number;
  articles: number;
  invoices: number;
  projects: number;
  deliverables: number;
}

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    weighted: <T>(xs: ReadonlyArray<readonly [T, number]>): T => {
      const total = xs.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [x, w] of xs) {
        r -= w;
        if (r < 0) return x;
      }
      return xs[xs.length - 1]![0];
    },
  };
}

const ORGS = [
  {
    ext: 'acme',
    name: 'Acme Corporation',
    contacts: [
      { ext: 'alice', name: 'Alice Anders', email: 'alice@acme.example', roles: ['member', 'admin', 'approver'] },
      { ext: 'bob', name: 'Bob Brown', email: 'bob@acme.example', roles: ['member'] },
      { ext: 'carol', name: 'Carol Chen', email: 'carol@acme.example', roles: ['member'] },
    ],
  },
  {
    ext: 'globex',
    name: 'Globex Inc.',
    contacts: [
      { ext: 'gina', name: 'Gina Garcia', email: 'gina@globex.example', roles: ['member', 'admin'] },
      { ext: 'hank', name: 'Hank Hill', email: 'hank@globex.example', roles: ['member', 'approver'] },
    ],
  },
] as const;

const AGENTS = ['Sam Support', 'Priya Patel', 'Jonas Weber', 'Maya Okafor'];

/** What a client's reviewer writes on a deliverable (each at most once per deliverable). */
const REMARKS = [
  'Love the direction!',
  'Can we make the logo larger?',
  'The headline feels too long.',
  'Please use our brand blue here.',
  'The photo on the right looks a bit dark.',
  'Could the call to action stand out more?',
  'This section reads really well now.',
  'Our legal team asks for the full company name here.',
  'Can we try a version without the gradient?',
  'The spacing between these blocks looks uneven.',
  'Please swap the order of the first two paragraphs.',
  'Great, this matches the brief.',
];

/** A copy of `xs` in a seeded random order (Fisher–Yates). */
function shuffled<T>(rnd: { int(min: number, max: number): number }, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
const PRODUCTS = [
  'the dashboard',
  'SSO login',
  'the mobile app',
  'CSV export',
  'the billing page',
  'webhooks',
  'the API',
  'email notifications',
  'the reporting module',
  'user invitations',
];
const PROBLEMS = [
  'is not loading',
  'shows an error 500',
  'is very slow since yesterday',
  'does not accept my password',
  'sends duplicate emails',
  'is missing data from last week',
  'times out for large accounts',
  'displays the wrong currency',
  'ignores the timezone setting',
  'stopped working after the update',
];
const QUESTIONS = [
  'How do I configure',
  'Can we get a quote for',
  'Is there a way to automate',
  'Please explain the limits of',
  'Feature request for',
];
const OPENERS = [
  'Hi team,\n\nSince this morning {p} {x}. We tried clearing the cache and another browser. Could you take a look?\n\nThanks!',
  'Hello,\n\nWe noticed that {p} {x}. This affects about 20 of our users.\n\nSteps:\n1. Sign in\n2. Open {p}\n3. Wait\n\nBest regards',
  'Hi,\n\n{p} {x} again — this is the second time this month. Is there an incident?',
];
const AGENT_REPLIES = [
  'Thanks for reaching out! I can reproduce this and have escalated it to our engineers. I will keep you posted.',
  'Could you send us a screenshot and the approximate time it happened? That helps us find the request in our logs.',
  'We deployed a fix a few minutes ago. Could you check whether it works for you now?',
  'Good news: this is resolved. The root cause was a misconfigured cache node. Sorry for the trouble!',
  'I have added this to our feature request board; our product team reviews it every two weeks.',
];
const CONTACT_REPLIES = [
  'Thanks, attached is the screenshot.',
  'It works now, thank you!',
  'Still happening for us, unfortunately.',
  'Any update on this?',
  'Great, you can close this ticket.',
];
const TAGS = ['billing', 'bug', 'login', 'performance', 'question', 'feature-request', 'mobile', 'api'];

const CATEGORIES = [
  {
    slug: 'getting-started',
    name: 'Getting started',
    topics: ['your first project', 'inviting your team', 'the dashboard', 'notifications', 'your profile'],
  },
  { slug: 'billing', name: 'Billing & invoices', topics: ['invoices', 'payment methods', 'VAT and taxes', 'refunds', 'currencies'] },
  {
    slug: 'account-security',
    name: 'Account & security',
    topics: ['two-factor authentication', 'single sign-on', 'password resets', 'audit logs', 'session timeouts'],
  },
  { slug: 'integrations', name: 'Integrations', topics: ['webhooks', 'the REST API', 'Slack', 'Zapier', 'CSV imports'] },
  {
    slug: 'projects',
    name: 'Projects & approvals',
    topics: ['deliverables', 'approvals', 'comments on designs', 'milestones', 'file versions'],
  },
  {
    slug: 'troubleshooting',
    name: 'Troubleshooting',
    topics: ['slow pages', 'missing emails', 'browser support', 'error messages', 'mobile app sync'],
  },
];
const VERBS = ['Set up', 'Understand', 'Manage', 'Troubleshoot'];

function articleBody(topic: string, verb: string, i: number): { body: string; format: 'markdown' | 'html' } {
  if (i % 7 === 3) {
    return {
      format: 'html',
      body: `<h2>Overview</h2><p>This guide shows how to ${verb.toLowerCase()} ${topic}. It takes about five minutes.</p>
<h3>Before you start</h3><ul><li>You need the <strong>admin</strong> role.</li><li>Have your organization ID at hand.</li></ul>
<h3>Steps</h3><ol><li>Open <em>Settings</em>.</li><li>Choose <a href="https://docs.example.com/${encodeURIComponent(topic)}">${topic}</a>.</li><li>Save.</li></ol>
<p><img src="${kbImageUrl(topic)}" alt="Screenshot of the ${topic} settings"></p>
<pre><code>curl -H "Authorization: Bearer $TOKEN" https://api.example.com/v1/${topic.replace(/\s+/g, '-')}</code></pre>`,
    };
  }
  return {
    format: 'markdown',
    body: `## Overview

This article explains how to ${verb.toLowerCase()} **${topic}**. Most teams finish in a few minutes.

### Before you start

- You need the *admin* role for some steps.
- Changes apply to everyone in your organization.
- See also [our status page](https://status.example.com).

### Step by step

1. Open **Settings → ${topic}**.
2. Review the current configuration.
3. Apply your changes and click **Save**.

![Screenshot of ${topic}](${kbImageUrl(topic)})

### Using the API

\`\`\`bash
curl -H "Authorization: Bearer $TOKEN" \\
  https://api.example.com/v1/${topic.replace(/\s+/g, '-')}
\`\`\`

> **Tip:** changes to ${topic} are recorded in the audit log.

### Still stuck?

Open a ticket from the portal and mention article #${i + 1}.`,
  };
}

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY'] as const;
const SERVICES = [
  'Platform subscription',
  'Additional seats',
  'Premium support',
  'Onboarding workshop',
  'Design sprint',
  'API overage',
  'Storage add-on',
];

const day = 86400e3;

/** Loads the demo data set (once). */
export async function seed(
  db: Db,
  config: Pick<Config, 'filesDir'> & Partial<Pick<Config, 'storage'>>,
  storage?: Storage,
): Promise<SeedSummary> {
  // The server's store when given (startServer's services.storage), else the configured one (disk by default).
  const own = storage
    ? undefined
    : createStorage({ filesDir: config.filesDir, storage: config.storage ?? { kind: 'disk', presign: false, presignTtlSeconds: 300 } }, db);
  try {
    const summary = await seedWith(db, (storage ?? own) as Storage);
    await seedBilling(db, (storage ?? own) as Storage);
    return summary;
  } finally {
    await own?.close();
  }
}

async function seedWith(db: Db, storage: Storage): Promise<SeedSummary> {
  const svc = { storage };
  return db.transaction(async (tx) => {
    const mark = await tx.query("INSERT INTO seed_runs (name) VALUES ('demo') ON CONFLICT DO NOTHING RETURNING name");
    const summary: SeedSummary = {
      skipped: mark.length === 0,
      organizations: 0,
      tickets: 0,
      messages: 0,
      articles: 0,
      invoices: 0,
      projects: 0,
      deliverables: 0,
    };
    if (summary.skipped) return summary;
    const rnd = prng(20261122);
    const now = Date.now();

    // Articles (published to every organization).
    const catRows = CATEGORIES.map((c) => [newId('cat'), c.slug, c.name]);
    await tx.query(
      `INSERT INTO article_categories (id, slug, name) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (slug) DO NOTHING`,
      [catRows.map((r) => r[0]), catRows.map((r) => r[1]), catRows.map((r) => r[2])],
    );
    const cats = await tx.query('SELECT id, slug FROM article_categories');
    const articleRows: unknown[][] = [];
    let ai = 0;
    for (const c of CATEGORIES) {
      const catId = cats.find((r) => r.slug === c.slug)!.id;
      for (const topic of c.topics) {
        for (const verb of VERBS.slice(0, 2)) {
          const { body, format } = articleBody(topic, verb, ai);
          const title = `${verb} ${topic}`;
          const slug = title
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '');
          const updated = new Date(now - rnd.int(1, 300) * day);
          articleRows.push([
            newId('art'),
            null,
            slug,
            title,
            `How to ${verb.toLowerCase()} ${topic}, step by step.`,
            body,
            format,
            catId,
            [c.slug, topic.split(' ')[0]],
            updated,
            updated,
          ]);
          ai++;
        }
      }
    }
    await insertMany(
      tx,
      'articles',
      ['id', 'org_id', 'slug', 'title', 'summary', 'body', 'body_format', 'category_id', 'tags', 'created_at', 'updated_at'],
      articleRows,
    );
    summary.articles = articleRows.length;
    summary.articles += await seedHelpArticles(tx, now);

    for (const o of ORGS) {
      const [org] = await tx.query(
        `INSERT INTO organizations (id, external_id, name) VALUES ($1, $2, $3)
         ON CONFLICT (external_id) DO UPDATE SET name = EXCLUDED.name RETURNING id, ticket_seq`,
        [newId('org'), o.ext, o.name],
      );
      const orgId = org!.id as string;
      // The staff API's helpers, bound to this organization (they add org_id themselves).
      const orgTx = bindOrg(tx, orgId);
      summary.organizations++;
      const contacts: Array<{ id: string; name: string; ext: string; roles: readonly string[] }> = [];
      const seededDeliverables: Array<{ id: string; projectId: string; title: string }> = [];
      for (const c of o.contacts) {
        const [row] = await tx.query(
          `INSERT INTO contacts (id, org_id, external_id, name, email, roles) VALUES ($1,$2,$3,$4,$5,$6)
           ON CONFLICT (org_id, external_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, roles = EXCLUDED.roles RETURNING id`,
          [newId('con'), orgId, c.ext, c.name, c.email, [...c.roles]],
        );
        contacts.push({ id: row!.id, name: c.name, ext: c.ext, roles: c.roles });
      }
      await seedHelpVotes(
        tx,
        orgId,
        contacts.map((c) => c.id),
      );

      // Tickets and their threads.
      const tickets: unknown[][] = [];
      const messages: unknown[][] = [];
      let number = Number(org!.ticket_seq);
      for (let i = 0; i < 200; i++) {
        const requester = rnd.weighted(contacts.map((c, k) => [c, k < 2 ? 4 : 1] as const));
        const priority = rnd.weighted([
          ['low', 3],
          ['normal', 6],
          ['high', 2],
          ['urgent', 1],
        ] as const);
        const status = rnd.weighted([
          ['open', 5],
          ['pending', 3],
          ['on_hold', 1],
          ['solved', 4],
          ['closed', 4],
        ] as const);
        const created = now - rnd.int(0, 120 * day);
        const product = rnd.pick(PRODUCTS);
        const subject =
          rnd.next() < 0.75
            ? `${product[0]!.toUpperCase()}${product.slice(1)} ${rnd.pick(PROBLEMS)}`
            : `${rnd.pick(QUESTIONS)} ${product}?`;
        const id = newId('tkt');
        const [fr, res] = SLA_HOURS[priority];
        const nMessages = status === 'open' && rnd.next() < 0.4 ? 1 : rnd.int(2, 6);
        let t = created;
        let firstResponded: number | null = null;
        const agent = rnd.pick(AGENTS);
        for (let m = 0; m < nMessages; m++) {
          const fromAgent = m % 2 === 1;
          if (m > 0) t += rnd.int(5, fromAgent ? fr * 90 : 24 * 60) * 60e3;
          if (t > now) t = now - (nMessages - m) * 1000;
          if (fromAgent && firstResponded === null) firstResponded = t;
          const body =
            m === 0
              ? rnd.pick(OPENERS).replaceAll('{p}', product).replaceAll('{x}', rnd.pick(PROBLEMS))
              : fromAgent
                ? rnd.pick(AGENT_REPLIES)
                : rnd.pick(CONTACT_REPLIES);
          messages.push([
            newId('msg'),
            orgId,
            id,
            fromAgent ? 'agent' : 'contact',
            fromAgent ? agentId(agent) : requester.id,
            fromAgent ? agent : requester.name,
            body,
            fromAgent && rnd.next() < 0.3 ? 'markdown' : 'text',
            new Date(t),
          ]);
        }
        const resolved = status === 'solved' || status === 'closed' ? new Date(t) : null;
        tickets.push([
          id,
          orgId,
          ++number,
          subject,
          status,
          priority,
          PRIORITY_RANK[priority],
          requester.id,
          status === 'open' && nMessages === 1 ? null : agent,
          [rnd.pick(TAGS), ...(rnd.next() < 0.3 ? [rnd.pick(TAGS)] : [])].filter((v, k, a) => a.indexOf(v) === k),
          priority === 'urgent' && rnd.next() < 0.5,
          nMessages,
          new Date(created + fr * 3600e3),
          firstResponded ? new Date(firstResponded) : null,
          new Date(created + res * 3600e3),
          resolved,
          new Date(created),
          new Date(t),
        ]);
      }
      await insertMany(
        tx,
        'tickets',
        [
          'id',
          'org_id',
          'number',
          'subject',
          'status',
          'priority',
          'priority_rank',
          'requester_id',
          'assignee_name',
          'tags',
          'escalated',
          'message_count',
          'first_response_due_at',
          'first_responded_at',
          'resolution_due_at',
          'resolved_at',
          'created_at',
          'updated_at',
        ],
        tickets,
      );
      await insertMany(
        tx,
        'ticket_messages',
        ['id', 'org_id', 'ticket_id', 'author_kind', 'author_id', 'author_name', 'body', 'body_format', 'created_at'],
        messages,
      );
      await tx.query('UPDATE organizations SET ticket_seq = $2 WHERE id = $1', [orgId, number]);
      summary.tickets += tickets.length;
      summary.messages += messages.length;

      // Invoices with lines and a PDF each.
      const invoices: unknown[][] = [];
      const lines: unknown[][] = [];
      for (let i = 0; i < 50; i++) {
        const currency = rnd.weighted([
          ['EUR', 5],
          ['USD', 4],
          ['GBP', 2],
          ['CHF', 1],
          ['JPY', 1],
        ] as const satisfies ReadonlyArray<readonly [(typeof CURRENCIES)[number], number]>);
        const issued = now - (50 - i) * 7 * day + rnd.int(0, 3) * day;
        const status =
          i >= 47
            ? 'draft'
            : rnd.weighted([
                ['paid', 6],
                ['open', 3],
                ['void', 1],
                ['uncollectible', 1],
              ] as const);
        const nLines = rnd.int(1, 4);
        const id = newId('inv');
        let subtotal = 0;
        const textLines: string[] = [];
        for (let l = 0; l < nLines; l++) {
          const qty = rnd.int(1, 10);
          const unit = currency === 'JPY' ? rnd.int(10, 500) * 100 : rnd.int(20, 900) * 100;
          subtotal += qty * unit;
          const desc = rnd.pick(SERVICES);
          lines.push([newId('inl'), orgId, id, l + 1, desc, qty, unit, qty * unit]);
          textLines.push(`${desc} x${qty}  ${(qty * unit) / 100} ${currency}`);
        }
        const tax = Math.round(subtotal * 0.2);
        const total = subtotal + tax;
        const amountPaid = status === 'paid' ? total : status === 'open' && rnd.next() < 0.2 ? Math.round(total / 2) : 0;
        const number = `${o.ext.toUpperCase()}-${new Date(issued).getUTCFullYear()}-${String(i + 1).padStart(4, '0')}`;
        const pdf = simplePdf([...textLines, '', `Total ${(total / 100).toFixed(2)} ${currency}`], `Invoice ${number}`);
        const file = await insertFile(svc, orgTx, 'staff', `invoice-${number}.pdf`, 'application/pdf', pdf);
        invoices.push([
          id,
          orgId,
          number,
          status,
          currency,
          subtotal,
          tax,
          total,
          amountPaid,
          new Date(issued),
          new Date(issued + 30 * day),
          status === 'paid' ? new Date(issued + rnd.int(1, 25) * day) : null,
          file.id,
          status === 'open' ? `https://pay.example.com/${o.ext}/${number}` : null,
        ]);
      }
      await insertMany(
        tx,
        'invoices',
        [
          'id',
          'org_id',
          'number',
          'status',
          'currency',
          'subtotal',
          'tax',
          'total',
          'amount_paid',
          'issued_at',
          'due_at',
          'paid_at',
          'pdf_file_id',
          'pay_url',
        ],
        invoices,
      );
      await insertMany(
        tx,
        'invoice_lines',
        ['id', 'org_id', 'invoice_id', 'position', 'description', 'quantity', 'unit_amount', 'amount'],
        lines,
      );
      summary.invoices += invoices.length;

      // Projects, milestones, deliverables with versions, comments and approvals.
      const approver = contacts.find((c) => c.roles.includes('approver')) ?? contacts[0]!;
      const commenter = contacts[1] ?? contacts[0]!;
      const projectNames = ['Website relaunch', 'Brand refresh', 'Annual report 2026'];
      const seededProjects: string[] = [];
      for (let pi = 0; pi < 3; pi++) {
        const pid = newId('prj');
        seededProjects.push(pid);
        const pCreated = new Date(now - (90 - pi * 20) * day);
        await tx.query(
          'INSERT INTO projects (id, org_id, name, description, status, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7)',
          [
            pid,
            orgId,
            projectNames[pi],
            `${projectNames[pi]} for ${o.name}: discovery, design, build and launch.`,
            pi === 2 ? 'on_hold' : 'active',
            pCreated,
            new Date(now - pi * day),
          ],
        );
        // Done only what was due by now (finished on its due date or, when late, a few days after);
        // the first milestone not done is in progress, the rest planned.
        let inProgress = false;
        const msRows = ['Discovery', 'Design', 'Build', 'Launch'].map((title, k) => {
          const due = new Date(+pCreated + (k + 1) * 21 * day);
          const done = k < 1 + pi && +due < now;
          const status = done ? 'done' : inProgress ? 'planned' : 'in_progress';
          if (!done) inProgress = true;
          const completed = done ? new Date(Math.min(+due + rnd.int(-2, 2) * day, now - day)) : null;
          return [newId('mil'), orgId, pid, k + 1, title, due.toISOString().slice(0, 10), status, completed];
        });
        await insertMany(tx, 'milestones', ['id', 'org_id', 'project_id', 'position', 'title', 'due_on', 'status', 'completed_at'], msRows);
        const kinds = ['png', 'pdf', 'txt', 'png'] as const;
        for (let di = 0; di < kinds.length; di++) {
          const kind = kinds[di]!;
          const did = newId('dlv');
          seededDeliverables.push({
            id: did,
            projectId: pid,
            title: kind === 'png' ? `Homepage mock-up ${di + 1}` : kind === 'pdf' ? 'Creative brief' : 'Copy deck',
          });
          const title = kind === 'png' ? `Homepage mock-up ${di + 1}` : kind === 'pdf' ? 'Creative brief' : 'Copy deck';
          const nVersions = documentVersions(kind, rnd.int(1, 3));
          const dCreated = new Date(+pCreated + di * day);
          const agent = rnd.pick(AGENTS);
          const versions: unknown[][] = [];
          const approvalRows: unknown[][] = [];
          const commentRows: unknown[][] = [];
          // Each remark at most once per deliverable: a reviewer does not say the same thing twice.
          const remarks = shuffled(rnd, REMARKS)[Symbol.iterator]();
          let t = +dCreated;
          let review = 'pending';
          let lastAction: unknown = null;
          for (let v = 1; v <= nVersions; v++) {
            t += rnd.int(1, 5) * day;
            const bytes =
              kind === 'png'
                ? mockupPng(pi * 100 + di * 10 + v)
                : kind === 'pdf'
                  ? briefPdf(projectNames[pi]!, title, v)
                  : copyDeck(title, v);
            const ext = kind;
            const media = kind === 'png' ? 'image/png' : kind === 'pdf' ? 'application/pdf' : 'text/plain';
            const f = await insertFile(svc, orgTx, 'staff', `${title.toLowerCase().replace(/\W+/g, '-')}-v${v}.${ext}`, media, bytes);
            versions.push([newId('ver'), orgId, did, v, f.id, agentId(agent), agent, new Date(t)]);
            lastAction = { kind: 'uploaded', by: { id: agentId(agent), name: agent }, at: new Date(t).toISOString(), version: v };
            review = 'pending';
            const nComments = rnd.int(0, 3);
            for (let k = 0; k < nComments; k++) {
              t += 3600e3;
              const anchor =
                kind === 'png'
                  ? { kind: 'region', x: 0.1 * k, y: 0.2, width: 0.3, height: 0.2 }
                  : kind === 'pdf'
                    ? { kind: 'page', page: 1 }
                    : null;
              commentRows.push([
                newId('cmt'),
                orgId,
                did,
                v,
                remarks.next().value ?? 'Looks good to me.',
                'contact',
                commenter.id,
                commenter.name,
                anchor ? JSON.stringify(anchor) : null,
                new Date(t),
              ]);
              lastAction = { kind: 'commented', by: { id: commenter.id, name: commenter.name }, at: new Date(t).toISOString(), version: v };
            }
            const decide = v < nVersions || rnd.next() < 0.5;
            if (decide) {
              t += 7200e3;
              const decision = v < nVersions ? 'changes_requested' : 'approved';
              approvalRows.push([
                newId('apr'),
                orgId,
                did,
                v,
                decision,
                decision === 'changes_requested' ? 'Please address the comments and upload a new version.' : null,
                approver.id,
                approver.name,
                new Date(t),
              ]);
              review = decision;
              lastAction = { kind: decision, by: { id: approver.id, name: approver.name }, at: new Date(t).toISOString(), version: v };
            }
          }
          await tx.query(
            `INSERT INTO deliverables (id, org_id, project_id, title, description, review_status, current_version, last_action, created_at, updated_at)
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
            [
              did,
              orgId,
              pid,
              title,
              `${title} for ${projectNames[pi]}.`,
              review,
              nVersions,
              JSON.stringify(lastAction),
              dCreated,
              new Date(t),
            ],
          );
          await insertMany(
            tx,
            'deliverable_versions',
            ['id', 'org_id', 'deliverable_id', 'number', 'file_id', 'uploaded_by_id', 'uploaded_by_name', 'created_at'],
            versions,
          );
          await insertMany(
            tx,
            'comments',
            ['id', 'org_id', 'deliverable_id', 'version', 'body', 'author_kind', 'author_id', 'author_name', 'anchor', 'created_at'],
            commentRows,
          );
          await insertMany(
            tx,
            'approvals',
            ['id', 'org_id', 'deliverable_id', 'version', 'decision', 'comment', 'decided_by_id', 'decided_by_name', 'decided_at'],
            approvalRows,
          );
          summary.deliverables++;
        }
        summary.projects++;
      }

      // Document requests of the first two projects (src/seed-requests.ts).
      await seedDocumentRequests(tx, svc, { orgId, projects: seededProjects, contacts }, now);
      // Notifications of every category (src/seed-notifications.ts).
      await seedNotifications(tx, { orgId, contacts, tickets, invoices, deliverables: seededDeliverables }, now);
      await (await import('./seed-messages.js')).seedMessages(tx, { orgId, contacts }, now); // Project conversations.
    }
    return summary;
  });
}

export type { Queryable };
