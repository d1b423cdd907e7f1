import { billing, invoicesViaProvider } from '../billing/routes.js';
import type { PortalHandlers } from '../context.js';
import { articles, attachments, knowledgeBase, tickets } from '../support/routes.js';
import { profile } from './account.js';
import { approvals, comments, deliverables } from './deliverables.js';
import { documentRequests } from './document-requests.js';
import { events } from './events.js';
import { files } from './files.js';
import { me } from './me.js';
import { messages } from './messages.js';
import { notifications } from './notifications.js';
import { projects } from './projects.js';

/** One handler per endpoint of the contract's table; http/endpoints.ts registers them generically. */
export const portalHandlers: PortalHandlers = {
  me,
  tickets,
  attachments,
  articles,
  invoices: invoicesViaProvider,
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
};
