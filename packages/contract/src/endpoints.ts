import type * as z from 'zod/mini';
import { approvals } from './endpoints/approvals.js';
import { articles } from './endpoints/articles.js';
import { attachments } from './endpoints/attachments.js';
import { billing } from './endpoints/billing.js';
import { comments } from './endpoints/comments.js';
import type { EndpointDef } from './endpoints/define.js';
import { deliverables } from './endpoints/deliverables.js';
import { documentRequests } from './endpoints/documentRequests.js';
import { events } from './endpoints/events.js';
import { files } from './endpoints/files.js';
import { invoices } from './endpoints/invoices.js';
import { knowledgeBase } from './endpoints/knowledgeBase.js';
import { me } from './endpoints/me.js';
import { messages } from './endpoints/messages.js';
import { notifications } from './endpoints/notifications.js';
import { profile } from './endpoints/profile.js';
import { projects } from './endpoints/projects.js';
import { tickets } from './endpoints/tickets.js';

export { AttachmentUpload } from './endpoints/attachments.js';
export { API_PREFIX, type EndpointDef, type EndpointGroupDefs, fillPath } from './endpoints/define.js';

/**
 * Every endpoint of the portal API (`/portal/v1`), grouped by resource. Each group also has its
 * own module, `@portico/contract/endpoints/<group>`, for bundles that need only some groups.
 */
export const endpoints = {
  me,
  tickets,
  attachments,
  articles,
  invoices,
  projects,
  deliverables,
  comments,
  messages,
  approvals,
  notifications,
  files,
  events,
  knowledgeBase,
  profile,
  billing,
  documentRequests,
} as const;

export type Endpoints = typeof endpoints;
export type EndpointGroup = keyof Endpoints;

type In<S> = S extends z.core.$ZodType ? z.input<S> : unknown;
type Empty<T> = unknown extends T ? {} : T;
/** The single argument object of an endpoint's client method: params, query and body merged (camelCase). */
export type EndpointInput<E extends EndpointDef> = Empty<In<E['params']>> & Empty<In<E['query']>> & Empty<In<E['body']>>;
/** What an endpoint answers, camelCase. */
export type EndpointOutput<E extends EndpointDef> = E['response'] extends z.core.$ZodType ? z.output<E['response']> : never;

/** Flat list of `[group, name, def]`, e.g. for registering routes. */
export const endpointList = (): Array<[string, string, EndpointDef]> =>
  Object.entries(endpoints).flatMap(([group, defs]) =>
    Object.entries(defs as Record<string, EndpointDef>).map(([name, e]) => [group, name, e] as [string, string, EndpointDef]),
  );
