/**
 * Valid sample resources (camelCase), for tests, stories and mock handlers. Each factory takes
 * overrides; `n` varies ids and numbers so lists can be made with `Array.from`.
 */
import type { Me } from './schemas/account.js';
import type { Approval } from './schemas/approval.js';
import type { Article, ArticleSummary, KnowledgeBaseHome, SearchHit } from './schemas/article.js';
import type { Comment } from './schemas/comment.js';
import type { Deliverable, DeliverableVersion } from './schemas/deliverable.js';
import type { Invoice, InvoiceSummary } from './schemas/invoice.js';
import type { Notification, NotificationPreferences } from './schemas/notification.js';
import type { Profile } from './schemas/profile.js';
import type { Project } from './schemas/project.js';
import type { Ticket, TicketMessage } from './schemas/ticket.js';

export * from './fixtures-billing.js';
export * from './fixtures-messages.js';

const T0 = Date.UTC(2026, 9, 1, 9, 0, 0);
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();
const CHECKSUM = 'a'.repeat(64);

export const me = (o: Partial<Me> = {}): Me => ({
  id: 'ct_alice',
  externalId: 'alice',
  name: 'Alice Example',
  email: 'alice@acme.test',
  roles: ['admin', 'approver'],
  features: ['tickets', 'kb', 'billing', 'projects'],
  organization: { id: 'org_acme', externalId: 'acme', name: 'Acme Inc.' },
  ...o,
});

const statuses = ['open', 'pending', 'on_hold', 'solved', 'closed'] as const;
const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export const ticket = (n = 1, o: Partial<Ticket> = {}): Ticket => ({
  id: `tkt_${n}`,
  number: 1000 + n,
  subject: `Cannot export report #${n}`,
  status: statuses[n % statuses.length]!,
  priority: priorities[n % priorities.length]!,
  requester: { id: 'ct_alice', name: 'Alice Example' },
  assigneeName: n % 3 === 0 ? null : 'Sam Agent',
  tags: ['export'],
  escalated: false,
  messageCount: 2,
  createdAt: at(n),
  updatedAt: at(n + 2),
  sla: { firstResponseDueAt: at(n + 4), firstRespondedAt: at(n + 1), resolutionDueAt: at(n + 48), breached: n % 7 === 0 },
  ...o,
});

export const ticketMessage = (n = 1, o: Partial<TicketMessage> = {}): TicketMessage => ({
  id: `msg_${n}`,
  ticketId: 'tkt_1',
  author: n % 2 ? { kind: 'contact', id: 'ct_alice', name: 'Alice Example' } : { kind: 'agent', id: 'ag_sam', name: 'Sam Agent' },
  body: n % 2 ? 'The export button does nothing.' : 'Thanks, Alice. **Could you try again** now?',
  bodyFormat: n % 2 ? 'text' : 'markdown',
  attachments: [],
  createdAt: at(n),
  ...o,
});

export const articleSummary = (n = 1, o: Partial<ArticleSummary> = {}): ArticleSummary => ({
  id: `art_${n}`,
  slug: `exporting-reports-${n}`,
  title: `Exporting reports (${n})`,
  summary: 'How to export any report as CSV or PDF.',
  category: { id: 'cat_1', slug: 'reports', name: 'Reports' },
  tags: ['export'],
  updatedAt: at(n),
  ...o,
});

export const article = (n = 1, o: Partial<Article> = {}): Article => ({
  ...articleSummary(n),
  body: '# Exporting reports\n\nOpen a report and choose **Export**.\n\n- CSV\n- PDF\n',
  bodyFormat: 'markdown',
  helpfulCount: 12,
  notHelpfulCount: 1,
  ...o,
});

export const searchHit = (n = 1, o: Partial<SearchHit> = {}): SearchHit => ({
  article: articleSummary(n),
  title: [
    { text: 'Exporting ', highlight: false },
    { text: 'reports', highlight: true },
  ],
  snippet: [
    { text: 'How to export any ', highlight: false },
    { text: 'report', highlight: true },
    { text: ' as CSV or PDF.', highlight: false },
  ],
  score: 1 / n,
  ...o,
});

/** The knowledge-base home: four topics, three popular and four recent articles. */
export const knowledgeBaseHome = (o: Partial<KnowledgeBaseHome> = {}): KnowledgeBaseHome => ({
  categories: [
    { id: 'cat_1', slug: 'reports', name: 'Reports', articleCount: 12 },
    { id: 'cat_2', slug: 'billing', name: 'Billing & invoices', articleCount: 7 },
    { id: 'cat_3', slug: 'account', name: 'Account & security', articleCount: 5 },
    { id: 'cat_4', slug: 'integrations', name: 'Integrations', articleCount: 1 },
  ],
  popular: [1, 2, 3].map((n) => articleSummary(n)),
  recent: [4, 5, 6, 7].map((n) => articleSummary(n)),
  articleCount: 25,
  ...o,
});

const currencies = ['USD', 'EUR', 'JPY', 'GBP'] as const;
export const invoiceSummary = (n = 1, o: Partial<InvoiceSummary> = {}): InvoiceSummary => {
  const total = 10_000 + n * 137;
  const paid = n % 3 === 0;
  return {
    id: `inv_${n}`,
    number: `INV-${String(n).padStart(5, '0')}`,
    status: paid ? 'paid' : 'open',
    currency: currencies[n % currencies.length]!,
    subtotal: Math.round(total / 1.2),
    tax: total - Math.round(total / 1.2),
    total,
    amountPaid: paid ? total : 0,
    amountDue: paid ? 0 : total,
    issuedAt: at(-24 * n),
    dueAt: at(-24 * n + 24 * 30),
    paidAt: paid ? at(-24 * n + 24 * 5) : null,
    overdue: !paid && n % 4 === 1,
    pdfUrl: `/portal/v1/files/inv_${n}_pdf?exp=4102444800&sig=x`,
    payUrl: paid ? null : `https://pay.example.test/inv_${n}`,
    ...o,
  };
};

export const invoice = (n = 1, o: Partial<Invoice> = {}): Invoice => {
  const s = invoiceSummary(n);
  return { ...s, lines: [{ id: `line_${n}`, description: 'Pro plan', quantity: 1, unitAmount: s.subtotal, amount: s.subtotal }], ...o };
};

export const project = (n = 1, o: Partial<Project> = {}): Project => ({
  id: `prj_${n}`,
  name: `Website redesign ${n}`,
  description: 'New marketing site.',
  status: 'active',
  milestones: [
    { id: `ms_${n}_1`, title: 'Discovery', dueOn: '2026-09-01', status: 'done', completedAt: at(-100) },
    { id: `ms_${n}_2`, title: 'Design', dueOn: '2026-10-15', status: 'in_progress', completedAt: null },
    { id: `ms_${n}_3`, title: 'Launch', dueOn: '2026-12-01', status: 'planned', completedAt: null },
  ],
  milestoneCount: o.milestones?.length ?? 3,
  createdAt: at(-500),
  updatedAt: at(0),
  ...o,
});

export const deliverableVersion = (n = 1, o: Partial<DeliverableVersion> = {}): DeliverableVersion => ({
  id: `ver_${n}`,
  number: n,
  fileName: `homepage-v${n}.png`,
  mediaType: 'image/png',
  size: 120_000 + n,
  checksum: CHECKSUM,
  uploadedBy: { id: 'ag_sam', name: 'Sam Agent' },
  createdAt: at(n),
  processing: 'ready',
  previewUrl: `/portal/v1/files/ver_${n}?exp=4102444800&sig=x&disposition=inline`,
  downloadUrl: `/portal/v1/files/ver_${n}?exp=4102444800&sig=x`,
  ...o,
});

export const deliverable = (n = 1, o: Partial<Deliverable> = {}): Deliverable => {
  const versions = [deliverableVersion(2), deliverableVersion(1)];
  return {
    id: `dlv_${n}`,
    projectId: 'prj_1',
    title: `Homepage mock-up ${n}`,
    description: 'Desktop layout.',
    reviewStatus: 'pending',
    currentVersion: versions[0]!,
    lastAction: { kind: 'uploaded', by: { id: 'ag_sam', name: 'Sam Agent' }, at: at(2), version: 2 },
    createdAt: at(0),
    updatedAt: at(2),
    versions,
    versionCount: o.versions?.length ?? versions.length,
    ...o,
  };
};

export const comment = (n = 1, o: Partial<Comment> = {}): Comment => ({
  id: `cmt_${n}`,
  deliverableId: 'dlv_1',
  version: 2,
  body: 'Can the logo be larger?',
  author: { kind: 'contact', id: 'ct_alice', name: 'Alice Example' },
  anchor: n % 2 ? { kind: 'region', x: 0.1, y: 0.1, width: 0.2, height: 0.1 } : null,
  createdAt: at(n),
  ...o,
});

export const approval = (n = 1, o: Partial<Approval> = {}): Approval => ({
  id: `apr_${n}`,
  deliverableId: 'dlv_1',
  version: n,
  decision: n % 2 ? 'changes_requested' : 'approved',
  comment: n % 2 ? 'Logo larger, please.' : null,
  decidedBy: { id: 'ct_alice', name: 'Alice Example' },
  decidedAt: at(n),
  ...o,
});

export const notification = (n = 1, o: Partial<Notification> = {}): Notification => ({
  id: `ntf_${n}`,
  kind: 'ticket_reply',
  category: 'tickets',
  title: 'New reply on #1001',
  body: 'Sam Agent replied to your ticket.',
  link: '/support/tickets/tkt_1',
  createdAt: at(n),
  readAt: n % 2 ? null : at(n + 1),
  archivedAt: null,
  ...o,
});

/** A feed with every category, read and unread. */
export const notificationFeed = (): Notification[] => [
  notification(1, {
    kind: 'ticket_reply',
    category: 'tickets',
    title: 'New reply on #1042',
    body: 'Sam from Support: “The export is fixed in 4.2.”',
    link: '/support/tickets/tkt_1042',
  }),
  notification(2, {
    kind: 'invoice_issued',
    category: 'billing',
    title: 'Invoice INV-2026-0117',
    body: '1,240.00 EUR due on 15 December',
    link: '/billing/invoices/inv_117',
    readAt: null,
  }),
  notification(3, {
    kind: 'deliverable_version',
    category: 'projects',
    title: 'Homepage mock-up v3 is ready',
    body: 'Studio uploaded version 3 for your review.',
    link: '/projects/prj_1/deliverables/dlv_1',
  }),
  notification(4, {
    kind: 'ticket_status',
    category: 'tickets',
    title: '#1038 is now solved',
    body: 'SSO login loops on Safari',
    link: '/support/tickets/tkt_1038',
  }),
  notification(5, {
    kind: 'announcement',
    category: 'announcements',
    title: 'Planned maintenance on Saturday',
    body: 'The portal is read-only from 06:00 to 07:00 UTC.',
    link: null,
  }),
  notification(6, {
    kind: 'decision_recorded',
    category: 'projects',
    title: 'Alice approved Logo v2',
    body: '“Looks great, ship it.”',
    link: '/projects/prj_1/deliverables/dlv_2',
  }),
];

export const notificationPreferences = (
  o: Partial<Record<string, { inPortal: boolean; email: boolean }>> = {},
): NotificationPreferences => ({
  categories: (['tickets', 'billing', 'projects', 'announcements'] as const).map((category) => ({
    category,
    inPortal: true,
    email: category !== 'announcements',
    ...o[category],
  })),
});

export const profile = (o: Partial<Profile> = {}): Profile => ({
  name: 'Alice Example',
  email: 'alice@acme.example',
  language: 'en',
  timeZone: 'Europe/Berlin',
  editable: ['language', 'timeZone'],
  manageUrl: 'https://host.example/account',
  ...o,
});
