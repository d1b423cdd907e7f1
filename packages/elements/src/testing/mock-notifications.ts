/**
 * The mock API's notification centre: a stateful feed (filters, unread count, read, archive,
 * read-all), preferences and profile, so that the bell, the feed, the preferences and the profile
 * agree with each other in tests and stories as they do against the server.
 */
import type { CategoryPreference, Notification, NotificationPreferencesUpdate, Profile } from '@portico/contract';
import * as fx from '@portico/contract/fixtures';
import type { MockHandler, MockResponse } from './mock-api.js';

export interface NotificationCentreState {
  notifications: Notification[];
  preferences: CategoryPreference[];
  profile: Profile;
}

export function notificationCentreHandlers(
  json: (body: unknown, status?: number) => MockResponse,
  paginate: <T>(rows: readonly T[], query: Record<string, string>) => MockResponse,
  problem: (status: number, code: string, title?: string) => MockResponse,
): { state: NotificationCentreState; handlers: Record<string, MockHandler> } {
  const state: NotificationCentreState = {
    notifications: fx.notificationFeed(),
    preferences: fx.notificationPreferences().categories,
    profile: fx.profile(),
  };
  const now = () => new Date().toISOString();
  const find = (id: string | undefined) => state.notifications.find((n) => n.id === id);
  const visible = (q: Record<string, string>) =>
    state.notifications.filter(
      (n) =>
        (q.archived === 'true' ? n.archivedAt !== null : n.archivedAt === null) &&
        (q.unread !== 'true' || n.readAt === null) &&
        (q.unread !== 'false' || n.readAt !== null) &&
        (!q.category || n.category === q.category),
    );
  const handlers: Record<string, MockHandler> = {
    'notifications.list': ({ query }) => paginate(visible(query), query),
    'notifications.summary': () => json({ unread: visible({ unread: 'true' }).length }),
    'notifications.read': ({ params }) => {
      const n = find(params.id);
      if (!n) return problem(404, 'not_found', 'Not found');
      n.readAt ??= now();
      return json(n);
    },
    'notifications.archive': ({ params }) => {
      const n = find(params.id);
      if (!n) return problem(404, 'not_found', 'Not found');
      n.readAt ??= now();
      n.archivedAt ??= now();
      return json(n);
    },
    'notifications.readAll': ({ query }) => {
      const rows = visible({ unread: 'true', ...(query.category ? { category: query.category } : {}) });
      for (const n of rows) n.readAt = now();
      return json({ updated: rows.length });
    },
    'notifications.preferences': () => json({ categories: state.preferences }),
    'notifications.updatePreferences': ({ body }) => {
      for (const s of (body as NotificationPreferencesUpdate).switches) {
        const c = state.preferences.find((p) => p.category === s.category);
        if (c) c[s.channel] = s.enabled;
      }
      return json({ categories: state.preferences });
    },
    'profile.get': () => json(state.profile),
    'profile.update': ({ body }) => {
      const b = body as { language?: string | null; timeZone?: string | null };
      for (const k of ['language', 'timeZone'] as const) {
        if (b[k] === undefined) continue;
        if (!state.profile.editable.includes(k)) return problem(403, 'forbidden', 'Forbidden');
        state.profile[k] = b[k] ?? null;
      }
      return json(state.profile);
    },
  };
  return { state, handlers };
}
