/** Zendesk's shapes (Requests, comments, attachments, Help Center articles) into the contract's. */
import type { Attachment, Ticket, TicketPriority, TicketStatus } from '@portico/contract';
import type { Principal } from '../auth.js';
import type { ZendeskJson } from './client.js';

export interface ZUser {
  id: number;
  name: string;
  /** Sideloaded users of a request's comments say whether they are agents. */
  agent?: boolean;
}

export interface ZRequest {
  id: number;
  subject: string | null;
  status: 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
  priority: TicketPriority | null;
  requester_id: number;
  assignee_id: number | null;
  can_be_solved_by_me?: boolean;
  created_at: string;
  updated_at: string;
}

/** Zendesk's request statuses as Portico's: `new` is an open ticket nobody has touched, `hold` is on hold. */
export const TO_STATUS: Record<ZRequest['status'], TicketStatus> = {
  new: 'open',
  open: 'open',
  pending: 'pending',
  hold: 'on_hold',
  solved: 'solved',
  closed: 'closed',
};
/** A Portico status filter as the Requests API's `status` list. */
export const FROM_STATUS: Record<TicketStatus, string> = {
  open: 'new,open',
  pending: 'pending',
  on_hold: 'hold',
  solved: 'solved',
  closed: 'closed',
};

const iso = (s: string) => new Date(s).toISOString();

export function mapRequest(r: ZRequest, users: ZUser[], myUserId: string, p: Principal, messageCount: number): Ticket {
  const name = (id: number | null) => (id == null ? null : (users.find((u) => u.id === id)?.name ?? null));
  const mine = String(r.requester_id) === myUserId;
  return {
    id: String(r.id),
    number: r.id,
    subject: r.subject ?? '',
    status: TO_STATUS[r.status] ?? 'open',
    priority: r.priority ?? 'normal',
    requester: mine ? { id: p.contactId, name: p.name } : { id: `zendesk-user-${r.requester_id}`, name: name(r.requester_id) ?? '' },
    assigneeName: name(r.assignee_id),
    // The Requests API shows end users no tags and no SLA policy.
    tags: [],
    escalated: false,
    messageCount,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    sla: { firstResponseDueAt: null, firstRespondedAt: null, resolutionDueAt: null, breached: false },
  };
}

export function mapAttachment(a: ZendeskJson): Attachment {
  return {
    id: String(a.id),
    fileName: String(a.file_name ?? ''),
    mediaType: String(a.content_type ?? 'application/octet-stream'),
    size: Number(a.size ?? 0),
    url: typeof a.content_url === 'string' ? a.content_url : null,
  };
}
