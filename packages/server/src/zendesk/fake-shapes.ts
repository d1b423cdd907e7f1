/**
 * Shapes and pagination of the Zendesk fake (fake.ts): its records, and cursor and offset pages as
 * Zendesk's API reference describes them.
 */
export interface FakeUser {
  id: number;
  name: string;
  email: string;
  role: 'end-user' | 'agent' | 'admin';
  organization_id: number | null;
}
export interface FakeComment {
  id: number;
  author_id: number;
  body: string;
  public: boolean;
  attachments: FakeAttachment[];
  created_at: string;
}
export interface FakeAttachment {
  id: number;
  file_name: string;
  content_type: string;
  size: number;
  content_url: string;
}
export interface FakeRequest {
  id: number;
  subject: string;
  status: 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
  priority: 'low' | 'normal' | 'high' | 'urgent' | null;
  requester_id: number;
  organization_id: number | null;
  assignee_id: number | null;
  created_at: string;
  updated_at: string;
  comments: FakeComment[];
}
export interface FakeArticle {
  id: number;
  title: string;
  body: string;
  locale: string;
  draft: boolean;
  user_segment_id: number | null;
  section_id: number;
  label_names: string[];
  vote_sum: number;
  vote_count: number;
  created_at: string;
  updated_at: string;
}
export interface FakeSection {
  id: number;
  name: string;
  locale: string;
}

export interface ZendeskFake {
  url: string;
  apiToken: string;
  agentEmail: string;
  users: FakeUser[];
  requests: FakeRequest[];
  articles: FakeArticle[];
  sections: FakeSection[];
  /** Every call: method, path with query, the authenticated email. */
  log: { method: string; url: string; as: string | null; status: number }[];
  leakInternalNotes: boolean;
  throttle(times: number, retryAfterSeconds: number): void;
  addUser(u: Omit<FakeUser, 'id'> & { id?: number }): FakeUser;
  addRequest(r: Partial<FakeRequest> & { requester_id: number; subject: string; body: string }): FakeRequest;
  addComment(requestId: number, c: { author_id: number; body: string; public: boolean; at?: Date }): FakeComment;
  close(): Promise<void>;
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const unb64 = (s: string): number => {
  try {
    return Number(JSON.parse(Buffer.from(s, 'base64url').toString()).o) || 0;
  } catch {
    return -1;
  }
};

/** Cursor pagination as Zendesk documents it: `page[size]`, `page[after]`, `meta.has_more` / `after_cursor`, `links.next`. */
export function cursorPage<T>(items: T[], q: URLSearchParams, url: URL) {
  const size = Math.min(100, Number(q.get('page[size]')) || 100);
  const after = q.get('page[after]');
  const start = after ? unb64(after) : 0;
  if (start < 0) return null;
  const slice = items.slice(start, start + size);
  const more = start + size < items.length;
  const next = new URL(url);
  next.searchParams.set('page[after]', b64({ o: start + size }));
  return {
    slice,
    meta: { has_more: more, after_cursor: more ? b64({ o: start + size }) : null, before_cursor: start > 0 ? b64({ o: start }) : null },
    links: { next: more ? next.toString() : null, prev: null },
  };
}
export function offsetPage<T>(items: T[], q: URLSearchParams, url: URL) {
  const per = Math.min(100, Number(q.get('per_page')) || 30);
  const page = Math.max(1, Number(q.get('page')) || 1);
  const slice = items.slice((page - 1) * per, page * per);
  const next = new URL(url);
  next.searchParams.set('page', String(page + 1));
  return {
    slice,
    count: items.length,
    next_page: page * per < items.length ? next.toString() : null,
    previous_page: null,
    page,
    per_page: per,
  };
}
