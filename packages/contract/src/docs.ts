/**
 * Documentation of the portal endpoints, keyed by operation id (`group.name`). Kept out of
 * `endpoints.ts` so that the browser bundle carries no prose; only the OpenAPI build reads it.
 */
export const endpointDocs: Record<string, { tag: string; summary: string }> = {
  'me.get': { tag: 'account', summary: 'The signed-in contact and organization' },
  'tickets.list': { tag: 'tickets', summary: 'List tickets' },
  'tickets.get': { tag: 'tickets', summary: 'Get a ticket' },
  'tickets.create': { tag: 'tickets', summary: 'Open a ticket' },
  'tickets.messages': { tag: 'tickets', summary: "List a ticket's messages, oldest first" },
  'tickets.reply': { tag: 'tickets', summary: 'Reply to a ticket' },
  'tickets.act': { tag: 'tickets', summary: 'Close, reopen or escalate a ticket' },
  'attachments.upload': { tag: 'tickets', summary: 'Upload a file to attach to a ticket or reply' },
  'attachments.policy': { tag: 'tickets', summary: 'What an upload may be: size limit, files per message, accepted types' },
  'articles.list': { tag: 'knowledge base', summary: 'List articles' },
  'articles.search': { tag: 'knowledge base', summary: 'Search articles' },
  'articles.get': { tag: 'knowledge base', summary: 'Get an article' },
  'articles.vote': { tag: 'knowledge base', summary: 'Say whether an article helped' },
  'articles.categories': { tag: 'knowledge base', summary: 'List article categories' },
  'invoices.list': { tag: 'billing', summary: 'List invoices' },
  'invoices.totals': { tag: 'billing', summary: 'Totals per currency of the invoices a filter selects' },
  'invoices.get': { tag: 'billing', summary: 'Get an invoice with its lines' },
  'projects.list': { tag: 'projects', summary: 'List projects' },
  'projects.get': { tag: 'projects', summary: 'Get a project with its milestones' },
  'deliverables.list': { tag: 'projects', summary: "List a project's deliverables" },
  'deliverables.get': { tag: 'projects', summary: 'Get a deliverable with its versions' },
  'comments.list': { tag: 'projects', summary: 'List comments on a version, oldest first' },
  'comments.create': { tag: 'projects', summary: 'Comment on a version' },
  'approvals.list': { tag: 'projects', summary: 'The audit trail of decisions, newest first' },
  'approvals.create': {
    tag: 'projects',
    summary: 'Approve a version or request changes to it: one decision per approver and version, changed by a new one that supersedes it',
  },
  'notifications.list': { tag: 'notifications', summary: 'List notifications, newest first' },
  'notifications.read': { tag: 'notifications', summary: 'Mark a notification read' },
  'notifications.readAll': { tag: 'notifications', summary: 'Mark every notification read' },
  'files.get': { tag: 'files', summary: 'Download or preview a file through a signed link from a resource' },
  'events.stream': { tag: 'events', summary: "Server-Sent Events of the organization's changes; resume with Last-Event-ID" },
  'billing.invoice': {
    tag: 'billing',
    summary: 'An invoice in full: customer, lines with tax and discounts, payments, refunds and credit notes',
  },
  'billing.paymentMethods': {
    tag: 'billing',
    summary: 'Payment methods, the default one and auto-pay, with what the billing provider can do',
  },
  'billing.removePaymentMethod': { tag: 'billing', summary: 'Remove a payment method (not the last one while auto-pay is on)' },
  'billing.setDefaultPaymentMethod': { tag: 'billing', summary: 'Make a payment method the default' },
  'billing.setAutoPay': { tag: 'billing', summary: 'Turn auto-pay on or off (on needs a valid default method)' },
  'billing.subscription': { tag: 'billing', summary: "The organization's subscription: plan, status, period, seats, a scheduled change" },
  'billing.usage': { tag: 'billing', summary: 'Metered usage of the current period, one series per meter' },
  'billing.createSession': {
    tag: 'billing',
    summary:
      "A one-time link to the billing provider's hosted page (add or update a payment method, change or cancel the plan); 409 when the provider has none",
  },
};
