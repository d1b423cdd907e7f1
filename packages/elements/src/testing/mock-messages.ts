/**
 * The mock API's project conversations: stateful (posts are stored, an Idempotency-Key replays,
 * the read marker moves forward only), paged back in time like the server, so the thread behaves
 * in tests and stories as it does against `@portico/server`.
 */
import type { ProjectMessage, ProjectMessageReadState } from '@portico/contract';
import { projectMessage } from '@portico/contract/fixtures';
import type { MockHandler, MockResponse } from './mock-api.js';

export interface MessagesState {
  /** Messages per project, oldest first (tests may push or replace them). */
  byProject: Map<string, ProjectMessage[]>;
  /** The signed-in contact's marker per project (a message id). */
  marker: Map<string, string>;
  /** The contact the mock signs in as (`ct_alice`, the fixtures' "me"). */
  me: string;
}

/** `count` messages of `projectId`, oldest first. */
export const mockProjectMessages = (count: number, projectId = 'prj_1'): ProjectMessage[] =>
  Array.from({ length: count }, (_, i) => projectMessage(i + 1, { projectId }));

export function messagesHandlers(
  json: (body: unknown, status?: number) => MockResponse,
  problem: (status: number, code: string, title?: string) => MockResponse,
): { state: MessagesState; handlers: Record<string, MockHandler> } {
  const state: MessagesState = {
    byProject: new Map([['prj_1', mockProjectMessages(12)]]),
    marker: new Map([['prj_1', 'pmsg_00009']]),
    me: 'ct_alice',
  };
  const replies = new Map<string, ProjectMessage>();
  const thread = (id: string | undefined) =>
    id && /^prj_/.test(id) ? (state.byProject.get(id) ?? (state.byProject.set(id, []).get(id) as ProjectMessage[])) : undefined;
  const readState = (projectId: string): ProjectMessageReadState => {
    const rows = thread(projectId)!;
    const markerId = state.marker.get(projectId);
    const at = markerId ? rows.findIndex((m) => m.id === markerId) : -1;
    const unread = rows.slice(at + 1).filter((m) => m.author.id !== state.me);
    return {
      contactId: state.me,
      lastReadMessageId: markerId ?? null,
      lastReadAt: markerId ? (rows[at]?.createdAt ?? null) : null,
      unreadCount: unread.length,
      firstUnreadMessageId: unread[0]?.id ?? null,
    };
  };
  const handlers: Record<string, MockHandler> = {
    'messages.list': ({ params, query }) => {
      const rows = thread(params.projectId);
      if (!rows) return problem(404, 'not_found', 'Not found');
      const limit = Math.min(100, Math.max(1, Number(query.limit) || 25));
      // The cursor is how many of the newest were already sent.
      const skip = query.cursor ? Number(atob(query.cursor)) : 0;
      const end = rows.length - skip;
      const start = Math.max(0, end - limit);
      return json({ data: rows.slice(start, end), nextCursor: start > 0 ? btoa(String(skip + (end - start))) : null });
    },
    'messages.create': ({ params, body, headers }) => {
      const rows = thread(params.projectId);
      if (!rows) return problem(404, 'not_found', 'Not found');
      const key = headers.get('idempotency-key') ?? '';
      const seen = key && replies.get(key);
      if (seen) return json(seen, 201);
      const input = body as { body: string; bodyFormat?: 'text' | 'markdown'; attachmentIds?: string[] };
      const last = rows.at(-1);
      const m: ProjectMessage = {
        id: `pmsg_new_${rows.length + 1}_${Math.random().toString(36).slice(2, 8)}`,
        projectId: params.projectId!,
        author: { kind: 'contact', id: state.me, name: 'Alice Example' },
        body: input.body,
        bodyFormat: input.bodyFormat ?? 'markdown',
        attachments: (input.attachmentIds ?? []).map((id) => ({
          id,
          fileName: 'file.txt',
          mediaType: 'text/plain',
          size: 4,
          url: `/portal/v1/files/${id}?exp=4102444800&sig=x`,
        })),
        createdAt: new Date(Math.max(Date.now(), last ? Date.parse(last.createdAt) + 1000 : 0)).toISOString(),
      };
      rows.push(m);
      state.marker.set(params.projectId!, m.id);
      if (key) replies.set(key, m);
      return json(m, 201);
    },
    'messages.readState': ({ params }) =>
      thread(params.projectId) ? json(readState(params.projectId!)) : problem(404, 'not_found', 'Not found'),
    'messages.markRead': ({ params, body }) => {
      const rows = thread(params.projectId);
      const id = (body as { messageId: string }).messageId;
      const at = rows?.findIndex((m) => m.id === id) ?? -1;
      if (!rows || at < 0) return problem(404, 'not_found', 'Not found');
      const current = rows.findIndex((m) => m.id === state.marker.get(params.projectId!));
      if (at > current) state.marker.set(params.projectId!, id);
      return json(readState(params.projectId!));
    },
  };
  return { state, handlers };
}
