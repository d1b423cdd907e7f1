/**
 * The one place that decides what a guest token (a private client link) may reach. Every portal
 * endpoint passes through `guardGuest` before its handler (http/endpoints.ts); an endpoint not in
 * `GUEST_ROUTES` answers 403 to a guest, so a new endpoint is closed to guests until a row is
 * added here. Each row says where the request's project comes from: a path parameter that is the
 * project's id, or one that names a resource whose project is looked up (a deliverable's, which
 * also covers its versions, comments and approvals).
 */
import type { EndpointDef } from '@portico/contract';
import type { Principal } from '../auth.js';
import type { OrgDb } from '../db/tenant.js';
import { forbidden, HttpError } from '../errors.js';

type Rule =
  /** The path parameter (camelCase) is the project's id. */
  | { project: string }
  /** The path parameter is a deliverable's id: its project must be the guest's. */
  | { deliverable: string }
  /** About the guest itself, no organization data (its identity; uploading an attachment). */
  | 'self'
  /** The organization's project list: a client-space link only (a project link sees one project). */
  | 'space'
  /** The event stream: open, but a guest is shown no event (routes/events.ts). */
  | 'events';

/** `METHOD path` (the contract's wire path) → rule. */
export const GUEST_ROUTES: Readonly<Record<string, Rule>> = {
  'GET /me': 'self',
  'GET /projects': 'space',
  'GET /projects/{id}': { project: 'id' },
  'GET /projects/{project_id}/deliverables': { project: 'projectId' },
  'GET /deliverables/{id}': { deliverable: 'id' },
  'GET /deliverables/{id}/approvals': { deliverable: 'id' },
  'POST /deliverables/{id}/approvals': { deliverable: 'id' },
  'GET /deliverables/{id}/versions/{version}/comments': { deliverable: 'id' },
  'POST /deliverables/{id}/versions/{version}/comments': { deliverable: 'id' },
  // Attachments for comments and project messages: an upload is only referenced from a resource
  // the guard checks again when it is posted.
  'GET /attachments/policy': 'self',
  'POST /attachments': 'self',
  'GET /events': 'events',
};

/**
 * Whole subtrees of a project (document requests and project messages, issue 14): every endpoint
 * under them is the guest's when `project_id` is its project. Endpoints of those features
 * addressed by their own ids (not under the project's path) need a row in `GUEST_ROUTES`.
 */
export const GUEST_PROJECT_SUBTREES: readonly string[] = ['/projects/{project_id}/document-requests', '/projects/{project_id}/messages'];

export function ruleFor(e: Pick<EndpointDef, 'method' | 'path'>): Rule | undefined {
  const exact = GUEST_ROUTES[`${e.method} ${e.path}`];
  if (exact) return exact;
  if (GUEST_PROJECT_SUBTREES.some((p) => e.path === p || e.path.startsWith(`${p}/`))) return { project: 'projectId' };
  return undefined;
}

/** The guest's rule for this endpoint; 403 before anything of the request is read when it has none. */
export function guestRule(e: Pick<EndpointDef, 'method' | 'path'>, p: Principal): Rule | undefined {
  if (!p.guest) return undefined;
  const rule = ruleFor(e);
  if (!rule) throw forbidden('A private client link does not reach this.');
  return rule;
}

const outside = () => forbidden('A private client link reaches only its own project.');

/**
 * Throws 403 unless the guest may make this request; 401 when its link was revoked or expired
 * since the guest token was minted (read on every request: revoking works at once).
 */
export async function guardGuest(
  org: Pick<OrgDb, 'query'>,
  e: Pick<EndpointDef, 'method' | 'path'>,
  params: unknown,
  p: Principal,
): Promise<void> {
  const guest = p.guest;
  if (!guest) return;
  const rule = guestRule(e, p)!;
  const [link] = await org.query<{ revoked_at: unknown; expires_at: unknown }>(
    'SELECT revoked_at, expires_at FROM access_links WHERE id = $1',
    [guest.link],
  );
  if (!link || link.revoked_at) throw new HttpError(401, 'link_revoked', 'Link revoked', 'The link this access came from was revoked.');
  if (link.expires_at && new Date(link.expires_at as string).getTime() <= Date.now()) {
    throw new HttpError(401, 'link_expired', 'Link expired', 'The link this access came from has expired.');
  }
  if (rule === 'self' || rule === 'events') return;
  if (rule === 'space') {
    if (guest.project !== null) throw outside();
    return;
  }
  const values = (params ?? {}) as Record<string, unknown>;
  let project: string | undefined;
  if ('project' in rule) project = String(values[rule.project] ?? '');
  else {
    const [d] = await org.query<{ project_id: string }>('SELECT project_id FROM deliverables WHERE id = $1', [
      String(values[rule.deliverable] ?? ''),
    ]);
    // Not in the organization at all: the handler's own 404 follows for a space guest; a project guest learns nothing either way.
    if (!d) {
      if (guest.project === null) return;
      throw outside();
    }
    project = d.project_id;
  }
  if (guest.project !== null && project !== guest.project) throw outside();
}
