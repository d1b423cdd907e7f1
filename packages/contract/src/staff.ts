/**
 * The staff API (`/staff/v1`): what the host company's people and systems call to answer
 * tickets, publish articles, issue invoices and deliver work. Authenticated with
 * `Authorization: Bearer $PORTICO_STAFF_KEY`, never from a browser. Same shape as the portal
 * table in `endpoints.ts`; not part of the portal's OpenAPI document.
 */
import * as z from 'zod/mini';
import type { EndpointDef } from './endpoints.js';
import { Article } from './schemas/article.js';
import { DateOnly, Id, Role, SafeUrl, Timestamp, text } from './schemas/common.js';
import { Deliverable } from './schemas/deliverable.js';
import { Invoice, InvoiceStatus } from './schemas/invoice.js';
import { Notification } from './schemas/notification.js';
import { MilestoneStatus, Project, ProjectStatus } from './schemas/project.js';
import { BodyFormat, Ticket, TicketMessage, TicketPriority, TicketStatus } from './schemas/ticket.js';
import { staffAccessLinkEndpoints } from './staff-access-links.js';
import { staffBilling } from './staff-billing.js';
import { staffConnectorEndpoints } from './staff-connectors.js';
import { staffContactEndpoints } from './staff-contacts.js';
import { staffDocumentRequests } from './staff-requests.js';

export { MAX_ITEM_BYTES } from './staff-requests.js';

import { staffMessageEndpoints } from './staff-messages.js';

/** Base path of the staff API. */
export const STAFF_PREFIX = '/staff/v1';

const Text = (max: number) => text(z.minLength(1), z.maxLength(max));
/** An organization as the host knows it: its id in the host's system (the token's `org`). */
const OrgRef = Text(128);

export const StaffOrg = z.object({ id: Id, externalId: z.string(), name: z.string() });
export const StaffOrgUpsert = z.object({ externalId: OrgRef, name: Text(200) });
export const StaffContact = z.object({
  id: Id,
  externalId: z.string(),
  name: z.string(),
  email: z.nullable(z.string()),
  roles: z.array(Role),
});
export const StaffContactUpsert = z.object({
  externalId: Text(128),
  name: Text(200),
  email: z.optional(z.nullable(text(z.maxLength(320)))),
  roles: z.optional(z.array(Role)),
});
export const OrgParams = z.object({ org: OrgRef });

export const StaffTicketReply = z.object({
  body: text(z.trim(), z.minLength(1), z.maxLength(20000)),
  bodyFormat: z.optional(BodyFormat),
  agentName: Text(200),
  /** Files uploaded through `POST /staff/v1/orgs/{org}/files`. */
  attachmentIds: z.optional(z.array(Id).check(z.maxLength(10))),
});
export const StaffTicketUpdate = z.object({
  status: z.optional(TicketStatus),
  priority: z.optional(TicketPriority),
  assigneeName: z.optional(z.nullable(Text(200))),
  tags: z.optional(z.array(Text(64)).check(z.maxLength(20))),
});

export const StaffArticleUpsert = z.object({
  /** Absent: published to every organization; otherwise private to this one. */
  org: z.optional(OrgRef),
  slug: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,199}$/)),
  title: Text(300),
  summary: text(z.maxLength(1000)),
  body: text(z.maxLength(200000)),
  bodyFormat: z.enum(['markdown', 'html']),
  category: z.optional(z.object({ slug: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,99}$/)), name: Text(200) })),
  tags: z.optional(z.array(Text(64)).check(z.maxLength(20))),
  /** The article's language (default `en`): `en` and `de` are stemmed, any other is searched word for word. */
  lang: z.optional(text(z.maxLength(35), z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/))),
});

export const StaffInvoiceLine = z.object({
  description: Text(500),
  quantity: z.number().check(z.positive()),
  unitAmount: z.int(),
});
export const StaffInvoiceCreate = z.object({
  org: OrgRef,
  number: Text(64),
  status: z.optional(InvoiceStatus),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  lines: z.array(StaffInvoiceLine).check(z.minLength(1), z.maxLength(200)),
  /** Tax in minor units (default 0). */
  tax: z.optional(z.int().check(z.nonnegative())),
  amountPaid: z.optional(z.int().check(z.nonnegative())),
  issuedAt: z.optional(Timestamp),
  dueAt: z.optional(z.nullable(Timestamp)),
  payUrl: z.optional(z.nullable(SafeUrl)),
});
export const StaffInvoiceUpdate = z.object({
  status: z.optional(InvoiceStatus),
  amountPaid: z.optional(z.int().check(z.nonnegative())),
});

const MilestoneInput = z.object({
  title: Text(300),
  dueOn: z.optional(z.nullable(DateOnly)),
  status: z.optional(MilestoneStatus),
});
export const StaffProjectCreate = z.object({
  org: OrgRef,
  name: Text(300),
  description: z.optional(text(z.maxLength(10000))),
  status: z.optional(ProjectStatus),
  milestones: z.optional(z.array(MilestoneInput).check(z.maxLength(100))),
});
export const StaffMilestoneCreate = MilestoneInput;

/** A deliverable is created with its first version (multipart: the fields and `file`). */
export const StaffDeliverableCreate = z.object({
  title: Text(300),
  description: z.optional(text(z.maxLength(10000))),
  uploadedBy: z.optional(Text(200)),
  file: z.file(),
});
export const StaffVersionUpload = z.object({ uploadedBy: z.optional(Text(200)), file: z.file() });
export const StaffFileUpload = z.object({ file: z.file() });
export const StaffFile = z.object({ id: Id, fileName: z.string(), mediaType: z.string(), size: z.int(), checksum: z.string() });

export const StaffNotificationCreate = z.object({
  org: OrgRef,
  /** A contact's external id; absent: every contact of the organization. */
  contact: z.optional(Text(128)),
  kind: Notification.shape.kind,
  title: Text(300),
  body: text(z.maxLength(5000)),
  link: z.optional(z.nullable(SafeUrl)),
});
export const StaffNotificationResult = z.object({ created: z.int().check(z.nonnegative()) });

export const IdParams = z.object({ id: Id });
const ProjectParams = z.object({ projectId: Id });

const def = <const E extends EndpointDef>(e: E): E => e;
const post = <const E extends Omit<EndpointDef, 'method' | 'idempotent'>>(e: E) =>
  def({ ...e, method: 'POST', idempotent: false } as const);
const patch = <const E extends Omit<EndpointDef, 'method' | 'idempotent'>>(e: E) =>
  def({ ...e, method: 'PATCH', idempotent: false } as const);

/** Every endpoint of the staff API, grouped by resource. */
export const staffEndpoints = {
  orgs: {
    upsert: post({ path: '/orgs', tag: 'staff', summary: 'Create or rename an organization', body: StaffOrgUpsert, response: StaffOrg }),
    upsertContact: post({
      path: '/orgs/{org}/contacts',
      tag: 'staff',
      summary: 'Create or update a contact of an organization',
      params: OrgParams,
      body: StaffContactUpsert,
      response: StaffContact,
    }),
    uploadFile: post({
      path: '/orgs/{org}/files',
      tag: 'staff',
      summary: "Upload a file into an organization's storage (to attach to a reply)",
      params: OrgParams,
      body: StaffFileUpload,
      bodyKind: 'multipart',
      response: StaffFile,
      status: 201,
    }),
  },
  tickets: {
    reply: post({
      path: '/tickets/{id}/messages',
      tag: 'staff',
      summary: 'Reply to a ticket as an agent',
      params: IdParams,
      body: StaffTicketReply,
      response: TicketMessage,
      status: 201,
    }),
    update: patch({
      path: '/tickets/{id}',
      tag: 'staff',
      summary: "Change a ticket's status, priority, assignee or tags",
      params: IdParams,
      body: StaffTicketUpdate,
      response: Ticket,
    }),
  },
  articles: {
    publish: post({
      path: '/articles',
      tag: 'staff',
      summary: 'Publish (create or update by slug) an article',
      body: StaffArticleUpsert,
      response: Article,
    }),
  },
  invoices: {
    issue: post({ path: '/invoices', tag: 'staff', summary: 'Issue an invoice', body: StaffInvoiceCreate, response: Invoice, status: 201 }),
    update: patch({
      path: '/invoices/{id}',
      tag: 'staff',
      summary: "Change an invoice's status or amount paid",
      params: IdParams,
      body: StaffInvoiceUpdate,
      response: Invoice,
    }),
  },
  projects: {
    create: post({
      path: '/projects',
      tag: 'staff',
      summary: 'Create a project with milestones',
      body: StaffProjectCreate,
      response: Project,
      status: 201,
    }),
    addMilestone: post({
      path: '/projects/{id}/milestones',
      tag: 'staff',
      summary: 'Add a milestone',
      params: IdParams,
      body: StaffMilestoneCreate,
      response: Project,
      status: 201,
    }),
  },
  deliverables: {
    create: post({
      path: '/projects/{project_id}/deliverables',
      tag: 'staff',
      summary: 'Create a deliverable with its first version',
      params: ProjectParams,
      body: StaffDeliverableCreate,
      bodyKind: 'multipart',
      response: Deliverable,
      status: 201,
    }),
    uploadVersion: post({
      path: '/deliverables/{id}/versions',
      tag: 'staff',
      summary: 'Upload a new version of a deliverable',
      params: IdParams,
      body: StaffVersionUpload,
      bodyKind: 'multipart',
      response: Deliverable,
      status: 201,
    }),
  },
  notifications: {
    post: post({
      path: '/notifications',
      tag: 'staff',
      summary: 'Notify a contact or every contact of an organization',
      body: StaffNotificationCreate,
      response: StaffNotificationResult,
      status: 201,
    }),
  },
  contacts: staffContactEndpoints,
  messages: staffMessageEndpoints,
  billing: staffBilling,
  accessLinks: staffAccessLinkEndpoints,
  externalAccounts: staffConnectorEndpoints,
  documentRequests: staffDocumentRequests,
} as const;

export type StaffEndpoints = typeof staffEndpoints;

/** Flat list of `[group, name, def]` of the staff API. */
export const staffEndpointList = (): Array<[string, string, EndpointDef]> =>
  Object.entries(staffEndpoints).flatMap(([group, defs]) =>
    Object.entries(defs as Record<string, EndpointDef>).map(([name, e]) => [group, name, e] as [string, string, EndpointDef]),
  );
export * from './staff-connectors.js';
