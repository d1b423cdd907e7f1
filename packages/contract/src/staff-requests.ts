/**
 * Staff endpoints of document requests: ask a project's client for documents, review what came
 * in, close the request, and ask which reminders are due (the host's mailer sends them; the
 * server sends no mail). Part of `staffEndpoints`.
 */
import * as z from 'zod/mini';
import type { EndpointDef } from './endpoints/define.js';
import { Id, Timestamp, text } from './schemas/common.js';
import { DocumentItem, DocumentRequest, DocumentReview, MAX_DOCUMENT_ITEMS } from './schemas/document-request.js';

const Text = (max: number) => text(z.trim(), z.minLength(1), z.maxLength(max));
/** A media type or a `type/*` family. */
const MediaPattern = z.string().check(z.regex(/^[a-z]+\/(\*|[a-z0-9][a-z0-9.+-]{0,99})$/));

/** The largest item a request may ask for: 5 GiB (resumable uploads carry it). */
export const MAX_ITEM_BYTES = 5 * 1024 * 1024 * 1024;

export const StaffDocumentItemCreate = z.object({
  label: Text(300),
  required: z.optional(z.boolean()),
  acceptedTypes: z.optional(z.array(MediaPattern).check(z.maxLength(20))),
  /** Default 25 MB. */
  maxBytes: z.optional(z.int().check(z.positive(), z.maximum(MAX_ITEM_BYTES))),
});
export const StaffDocumentRequestCreate = z.object({
  title: Text(300),
  instructions: z.optional(text(z.trim(), z.maxLength(10000))),
  dueAt: z.optional(z.nullable(Timestamp)),
  /** Days relative to the due date (−3: three days before; 0: on the day; 2: two days after). */
  reminderOffsets: z.optional(z.array(z.int().check(z.minimum(-365), z.maximum(365))).check(z.maxLength(10))),
  createdBy: z.optional(Text(200)),
  items: z.array(StaffDocumentItemCreate).check(z.minLength(1), z.maxLength(MAX_DOCUMENT_ITEMS)),
});
export const StaffDocumentReview = z.object({ ...DocumentReview.shape, reviewerName: Text(200) });
export const StaffDueRemindersQuery = z.object({
  /** The moment to compute for (default: now); reminders up to it are due. */
  now: z.optional(Timestamp),
});

/** A reminder the mailer should send now: reported once per request and offset. */
export const DueReminder = z.object({
  requestId: Id,
  projectId: Id,
  /** The organization's id in the host's system (the token's `org`). */
  org: z.string(),
  title: z.string(),
  dueAt: Timestamp,
  offsetDays: z.int(),
  overdue: z.boolean(),
  missing: z.array(z.object({ id: Id, label: z.string(), status: z.enum(['missing', 'rejected']) })),
  /** The organization's contacts with an email address. */
  recipients: z.array(z.object({ externalId: z.string(), name: z.string(), email: z.string() })),
});
export const DueReminders = z.object({ reminders: z.array(DueReminder) });

const ProjectParams = z.object({ projectId: Id });
const IdParams = z.object({ id: Id });
const def = <const E extends EndpointDef>(e: E): E => e;

export const staffDocumentRequests = {
  create: def({
    method: 'POST',
    idempotent: false,
    path: '/projects/{project_id}/document-requests',
    tag: 'staff',
    summary: "Ask a project's client for documents: a request with its items",
    params: ProjectParams,
    body: StaffDocumentRequestCreate,
    response: DocumentRequest,
    status: 201,
  }),
  review: def({
    method: 'POST',
    idempotent: false,
    path: '/document-request-items/{id}/review',
    tag: 'staff',
    summary: 'Accept or reject (with a reason) an uploaded item, or mark an item not applicable',
    params: IdParams,
    body: StaffDocumentReview,
    response: DocumentItem,
  }),
  close: def({
    method: 'POST',
    idempotent: false,
    path: '/document-requests/{id}/close',
    tag: 'staff',
    summary: 'Close a document request (no more uploads; no more reminders)',
    params: IdParams,
    response: DocumentRequest,
  }),
  dueReminders: def({
    method: 'POST',
    idempotent: false,
    path: '/document-requests/reminders',
    tag: 'staff',
    summary:
      'The reminders due now (open requests with a required item still missing or rejected, due date + offset passed), each reported once',
    query: StaffDueRemindersQuery,
    response: DueReminders,
  }),
} as const;
