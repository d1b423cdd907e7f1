// Acme Studio's side of the client portal in the demo (issue 14): the project page's document
// requests and messages, the studio's own tools for a signed-in studio user (ask for documents,
// reply as the studio, share a private link), and the page a client opens from that link without
// an account (/client, a <portico-provider access-link>).
//
// DEMO ONLY: the studio's tools post through Acme's backend to Portico's staff API, standing in for
// the studio's own back office, which would call the staff API itself.

/** Roles that make a demo user one of the studio's staff (accept or reject documents). */
export const isStudio = (user) => Boolean(user?.roles.includes('reviewer'));

/**
 * @param {object} deps
 * @param {(s: unknown) => string} deps.esc
 * @param {(path: string, body: unknown) => Promise<{ status: number, body: any }>} deps.staffPost
 * @param {(user: object, path: string) => Promise<{ status: number, data?: any }>} deps.portalGet
 */
export function clientPortal({ esc, staffPost, portalGet }) {
  /** Document requests and the conversation: what every user of the project page sees. */
  function projectSections(projectId) {
    const id = esc(projectId);
    return `<section aria-labelledby="requests-h">
        <h2 id="requests-h">Documents requested</h2>
        <portico-document-requests project-id="${id}"></portico-document-requests>
      </section>
      <section aria-labelledby="messages-h">
        <h2 id="messages-h">Messages</h2>
        <portico-message-thread project-id="${id}"></portico-message-thread>
      </section>`;
  }

  /** The studio's tools beside the project (studio users only). */
  function studioTools(user, projectId) {
    if (!isStudio(user)) return '';
    const id = esc(projectId);
    return `<aside class="card stack studio" aria-labelledby="studio-h">
        <h2 id="studio-h">Acme Studio tools <span class="pill">Staff API demo</span></h2>
        <form class="stack" method="post" action="/demo/share-link" data-studio-form="share">
          <input type="hidden" name="projectId" value="${id}">
          <p class="muted">A private link shows the client this project without an account. Open it in a private window.</p>
          <button type="submit" class="button">Share with client</button>
          <p data-studio-status role="status" class="muted"></p>
          <p data-share-link hidden><a target="_blank" rel="noopener noreferrer"></a></p>
        </form>
        <form class="stack" method="post" action="/demo/document-request" data-studio-form="request">
          <input type="hidden" name="projectId" value="${id}">
          <label for="request-title">Ask the client for a document</label>
          <input id="request-title" name="title" value="Signed statement of work" maxlength="300" required>
          <button type="submit" class="button button--secondary">Send request</button>
          <p data-studio-status role="status" class="muted"></p>
        </form>
        <form class="stack" method="post" action="/demo/studio-message" data-studio-form="message">
          <input type="hidden" name="projectId" value="${id}">
          <label for="studio-body">Reply as Acme Studio</label>
          <textarea id="studio-body" name="body" rows="2" maxlength="5000">Thanks, we will send the next version on Friday.</textarea>
          <button type="submit" class="button button--secondary">Send as the studio</button>
          <p data-studio-status role="status" class="muted"></p>
        </form>
      </aside>`;
  }

  /**
   * The studio's POSTs. Answers JSON (the page's script) or redirects back (no script). Returns
   * false when the path is not one of them.
   */
  async function handlePost(req, res, { user, path, body, isJson, origin, json, problem, redirect, ID }) {
    const actions = { '/demo/share-link': share, '/demo/document-request': request, '/demo/studio-message': message };
    const action = actions[path];
    if (!action) return false;
    const refuse = (status, title) => {
      problem(res, status, title);
      return true;
    };
    if (!user) return refuse(401, 'Not signed in');
    if (!isStudio(user)) return refuse(403, 'Acme Studio staff only');
    if (isJson && req.headers['x-portico-csrf'] !== '1') return refuse(403, 'Missing x-portico-csrf header');
    const projectId = String(body.projectId ?? '');
    if (!ID.test(projectId)) return refuse(400, 'projectId is required');
    // Only projects of the user's organization (the staff API itself is not scoped).
    const visible = await portalGet(user, `/projects/${encodeURIComponent(projectId)}`);
    if (visible.status !== 200) return refuse(404, 'No such project');
    const r = await action({ user, projectId, body, origin });
    if (!isJson) redirect(res, `/projects/${encodeURIComponent(projectId)}`);
    else json(res, r.status < 300 ? 200 : r.status, r.status < 300 ? { ok: true, ...r.out } : { ok: false, status: r.status });
    return true;
  }

  async function share({ user, projectId, origin }) {
    const week = new Date(Date.now() + 7 * 24 * 3600e3).toISOString();
    const r = await staffPost('/access-links', {
      org: user.org,
      project_id: projectId,
      kind: 'expiring',
      expires_at: week,
      label: `${user.orgName} (shared by ${user.name})`,
      page_url: `${origin}/client?project=${encodeURIComponent(projectId)}`,
    });
    return { status: r.status, out: { url: r.body?.url, expires_at: r.body?.expires_at } };
  }

  async function request({ user, projectId, body }) {
    const title = String(body.title ?? '').trim() || 'Signed statement of work';
    const due = new Date(Date.now() + 10 * 24 * 3600e3).toISOString();
    const r = await staffPost(`/projects/${encodeURIComponent(projectId)}/document-requests`, {
      title: title.slice(0, 300),
      instructions: 'Please upload a PDF scan with every page signed.',
      due_at: due,
      reminder_offsets: [-3, 0, 2],
      created_by: user.name,
      items: [{ label: title.slice(0, 300), required: true, accepted_types: ['application/pdf', 'image/*'] }],
    });
    return { status: r.status, out: { id: r.body?.id } };
  }

  async function message({ user, projectId, body }) {
    const text = String(body.body ?? '').trim() || 'Thanks, we will send the next version on Friday.';
    const r = await staffPost(`/projects/${encodeURIComponent(projectId)}/messages`, {
      body: text.slice(0, 5000),
      author_name: `${user.name} (Acme Studio)`,
    });
    return { status: r.status, out: { id: r.body?.id } };
  }

  /**
   * The page a private link opens: no sign-in, no host backend call; the provider exchanges the
   * link's token (in the fragment) for a guest token itself. The project id is in the query string
   * (not a secret); the page shows that project's work, documents and messages, nothing else.
   */
  function clientPage({ lang, dir, theme }) {
    return `<!doctype html>
<html lang="${esc(lang)}" dir="${esc(dir)}" data-theme="${esc(theme)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Your project · Acme Studio</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/site.css">
<script type="module" src="/assets/client.js"></script>
</head>
<body>
<header class="masthead"><span class="brand"><span class="logo" aria-hidden="true">▲</span> Acme Studio</span></header>
<main id="main" class="main">
<div class="portal portal--${esc(theme)}">
<portico-provider access-link theme="${theme === 'dark' ? 'dark' : 'light'}" lang="${esc(lang)}" dir="${esc(dir)}">
  <h1>Your project</h1>
  <p class="lede">Shared with you by Acme Studio through a private link.</p>
  <section aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2><portico-project-timeline data-project></portico-project-timeline></section>
  <section aria-labelledby="work-h">
    <h2 id="work-h">Work for your review</h2>
    <div class="grid grid--project">
      <portico-deliverable-list hide-filters data-project></portico-deliverable-list>
      <div class="stack" data-review hidden>
        <portico-deliverable-viewer></portico-deliverable-viewer>
        <portico-approval-button></portico-approval-button>
        <portico-approval-history></portico-approval-history>
      </div>
    </div>
  </section>
  <section aria-labelledby="requests-h"><h2 id="requests-h">Documents we need from you</h2><portico-document-requests data-project></portico-document-requests></section>
  <section aria-labelledby="messages-h"><h2 id="messages-h">Messages</h2><portico-message-thread data-project></portico-message-thread></section>
</portico-provider>
</div>
</main>
</body>
</html>`;
  }

  return { projectSections, studioTools, handlePost, clientPage };
}
