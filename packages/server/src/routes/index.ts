import { billing, invoicesViaProvider } from '../billing/routes.js';
import type { PortalHandlers } from '../context.js';
import { profile } from './account.js';
import { articles, knowledgeBase } from './articles.js';
import { attachments } from './attachments.js';
import { approvals, comments, deliverables } from './deliverables.js';
import { events } from './events.js';
import { files } from './files.js';
import { me } from './me.js';
import { messages } from './messages.js';
import { notifications } from './notifications.js';
import { projects } from './projects.js';
import { tickets } from './tickets.js';

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
};
