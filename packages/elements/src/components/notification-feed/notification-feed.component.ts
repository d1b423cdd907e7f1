import type { Notification, NotificationCategory } from '@portico/contract';
import { notifications } from '@portico/contract/validators/notifications';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PorticoElement } from '../../base/portico-element.js';
import { MutationController } from '../../controllers/mutation-controller.js';
import { PageController } from '../../controllers/page-controller.js';
import { renderFailure } from '../../controllers/render-mutation.js';
import { renderMore, renderState, stateStyles } from '../../controllers/render-state.js';
import { failureStyles } from '../../styles/failure.styles.js';
import type { NotificationAction } from './notification-feed.events.js';

export type {
  NotificationAction,
  PorticoNotificationOpenDetail,
  PorticoNotificationsReadAllDetail,
  PorticoNotificationUpdateDetail,
  PorticoNotificationUpdateRequestDetail,
} from './notification-feed.events.js';

import { en, type NotificationFeedMessageKey } from './notification-feed.messages.js';
import { styles } from './notification-feed.styles.js';

export type NotificationView = 'unread' | 'all' | 'archived';
const VIEWS: readonly NotificationView[] = ['unread', 'all', 'archived'];
const CATEGORIES: readonly NotificationCategory[] = ['tickets', 'billing', 'projects', 'announcements'];
/** Live events that change the feed: the contact's notifications and "mark all read" (from any tab). */
const LIVE = ['notification', 'notification.read_all'] as const;

/**
 * The signed-in contact's notifications, newest first: unread, all or archived, by category, with
 * "mark read", "archive" and each notification's action link (which marks it read), "mark all read"
 * (of the category shown) and "Show more" paging. Live: it reloads on the contact's notification
 * events and after the event stream reconnects, so nothing missed while offline stays missing.
 *
 * @summary The contact's notification feed.
 *
 * @slot empty - Shown when the view has no notification. Default: "You’re all caught up." (unread), "No notifications yet." or "Nothing archived."
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart toolbar - The view, category and "Mark all read" controls.
 * @csspart views - The group of view buttons.
 * @csspart view - A view button (`aria-pressed`).
 * @csspart category - The category select.
 * @csspart read-all - The "Mark all read" button.
 * @csspart list - The list of notifications.
 * @csspart item - A notification (`data-unread` when unread, `data-category`).
 * @csspart title - Its title.
 * @csspart body - Its text.
 * @csspart meta - Its category and time.
 * @csspart actions - Its buttons and link.
 * @csspart open - Its action link.
 * @csspart mark-read - Its "Mark read" button.
 * @csspart archive - Its "Archive" button.
 * @csspart failure - The alert when an action failed, with `retry`.
 * @csspart status - The polite status line ("Marked 3 notifications read.").
 * @csspart loading - The loading state.
 * @csspart content - The loaded content.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The Retry button.
 * @csspart more - "Show more", or the alert when the next page failed.
 *
 * @cssprop --portico-notification-feed-gap - Space between notifications (default: 2 spacing units).
 * @cssprop --portico-notification-feed-unread-color - Marker of unread notifications (default: `--portico-color-primary`).
 *
 * @fires portico-notification-update-request - Before "mark read" or "archive" is sent; cancelable.
 * @fires portico-notification-update - A notification was marked read or archived.
 * @fires portico-notifications-read-all-request - Before "mark all read" is sent; cancelable.
 * @fires portico-notifications-read-all - "Mark all read" was stored.
 * @fires portico-notification-open - An action link was activated; cancelable (then the link is not followed).
 * @fires portico-error - Loading failed; `detail.code`.
 *
 * @example
 * ```html
 * <portico-notification-feed view="all" category="billing"></portico-notification-feed>
 * ```
 */
export class PorticoNotificationFeed extends PorticoElement<NotificationFeedMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, failureStyles, styles];
  static override resources = {
    en,
    endpoints: { notifications },
    locales: { de: () => import('./notification-feed.messages.de.js'), ar: () => import('./notification-feed.messages.ar.js') },
  };

  static override properties = {
    view: { reflect: true },
    category: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    compact: { type: Boolean, reflect: true },
    status: { state: true },
  };

  /** `unread` (default), `all` or `archived`. */
  view: NotificationView = 'unread';

  /** Only this category (`tickets`, `billing`, `projects`, `announcements`); empty for all. */
  category: NotificationCategory | '' = '';

  /** Notifications per page (1–100). */
  pageSize = 20;

  /** Tighter layout for a popover (the bell's). */
  compact = false;

  private status = '';
  /** Changes made here that the list on screen may not show yet (until it reloads). */
  private local = new Map<string, Notification>();

  private get filter(): { view: NotificationView; category: NotificationCategory | undefined } {
    return {
      view: VIEWS.includes(this.view) ? this.view : 'unread',
      category: CATEGORIES.includes(this.category as NotificationCategory) ? (this.category as NotificationCategory) : undefined,
    };
  }

  private readonly feed = new PageController(this, {
    args: () => {
      const { view, category } = this.filter;
      return [view, category, Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 20))] as const;
    },
    load: async (client, [view, category, limit], cursor, { signal }) => {
      const page = await client.notifications.list({
        unread: view === 'unread' ? 'true' : undefined,
        archived: view === 'archived' ? 'true' : undefined,
        category,
        limit,
        cursor,
        signal,
      });
      if (!cursor) this.local.clear();
      return page;
    },
    live: LIVE,
    key: (n) => n.id,
  });

  private readonly act = new MutationController<{ id: string; action: NotificationAction }, Notification>(this, {
    send: (client, { id, action }, { key, signal }) =>
      action === 'read'
        ? client.notifications.read({ id, idempotencyKey: key, signal })
        : client.notifications.archive({ id, idempotencyKey: key, signal }),
    request: (input) => ['portico-notification-update-request', input],
    success: (notification, { action }) => ['portico-notification-update', { notification, action }],
    onSuccess: (n) => {
      this.local.set(n.id, n);
    },
  });

  private readonly readAll = new MutationController<{ category: NotificationCategory | null }, { updated: number }>(this, {
    send: (client, { category }, { key, signal }) =>
      client.notifications.readAll({ category: category ?? undefined, idempotencyKey: key, signal }),
    request: (input) => ['portico-notifications-read-all-request', input],
    success: ({ updated }, { category }) => ['portico-notifications-read-all', { category, updated }],
    onSuccess: ({ updated }) => {
      this.status = this.i18n.t('notificationFeed.readAllDone', { count: updated });
      void this.refresh();
    },
  });

  /** Loads the first page again. */
  refresh(): Promise<void> {
    return this.feed.refresh();
  }

  /** The notifications on screen, with the changes made here applied. */
  get notifications(): readonly Notification[] {
    const { view } = this.filter;
    return this.feed.items
      .map((n) => this.local.get(n.id) ?? n)
      .filter(
        (n) =>
          (view === 'archived' ? n.archivedAt !== null : n.archivedAt === null) &&
          (view !== 'unread' || n.readAt === null || this.local.has(n.id)),
      );
  }

  private setView(view: NotificationView): void {
    this.view = view;
    this.status = '';
  }

  private open(e: MouseEvent, n: Notification): void {
    if (!this.emit('portico-notification-open', { notification: n }, { cancelable: true })) e.preventDefault();
    if (n.readAt === null) void this.act.run({ id: n.id, action: 'read' });
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const { t } = this.i18n;
    const { view, category } = this.filter;
    const empty =
      view === 'unread'
        ? t('notificationFeed.emptyUnread')
        : view === 'archived'
          ? t('notificationFeed.emptyArchived')
          : t('notificationFeed.empty');
    return html`<section part="base" class="base" lang=${lang} dir=${dir} aria-label=${t('notificationFeed.label')}>
      <div part="toolbar" class="toolbar">
        <div part="views" class="views" role="group" aria-label=${t('notificationFeed.view')}>
          ${VIEWS.map(
            (
              v,
            ) => html`<button part="view" class="button view" type="button" aria-pressed=${v === view ? 'true' : 'false'} @click=${() => this.setView(v)}>
              ${t(`notificationFeed.${v}`)}
            </button>`,
          )}
        </div>
        <label class="field-label">
          <span class="visually-hidden">${t('notificationFeed.category')}</span>
          <select part="category" class="field" @change=${(e: Event) => (this.category = (e.target as HTMLSelectElement).value as NotificationCategory)}>
            <option value="" ?selected=${!category}>${t('notificationFeed.allCategories')}</option>
            ${CATEGORIES.map((c) => html`<option value=${c} ?selected=${c === category}>${t(`notificationFeed.cat.${c}`)}</option>`)}
          </select>
        </label>
        ${
          view === 'archived'
            ? nothing
            : html`<button
                part="read-all"
                class="button"
                type="button"
                ?disabled=${this.readAll.pending}
                aria-busy=${this.readAll.pending ? 'true' : 'false'}
                @click=${() => void this.readAll.run({ category: category ?? null })}
              >
                ${t('notificationFeed.readAll')}
              </button>`
        }
      </div>
      <p part="status" class="status" role="status">${this.status}</p>
      ${renderFailure(this, this.readAll, { part: 'failure', retry: 'retry', message: (reason) => t('notificationFeed.failed', { reason }) })}
      ${renderFailure(this, this.act, { part: 'failure', retry: 'retry', message: (reason) => t('notificationFeed.failed', { reason }) })}
      ${renderState(this, this.feed.resource, {
        complete: () => this.renderList(),
        isEmpty: () => !this.notifications.length,
        emptyText: empty,
      })}
      ${renderMore(this, this.feed, { label: t('state.more') })}
    </section>`;
  }

  private renderList() {
    const { t, date, relativeTime } = this.i18n;
    const busy = this.act.pending ? this.act.input : undefined;
    return html`<ul part="list" class="list" role="list">
      ${repeat(
        this.notifications,
        (n) => n.id,
        (n) => {
          const unread = n.readAt === null;
          const pending = (action: NotificationAction) => busy?.id === n.id && busy.action === action;
          return html`<li part="item" class="item" ?data-unread=${unread} data-category=${n.category}>
            <p part="title" class="title">
              ${unread ? html`<span class="visually-hidden">${t('notificationFeed.isUnread')}</span>` : nothing}
              <span dir="auto">${n.title}</span>
            </p>
            ${n.body ? html`<p part="body" class="body" dir="auto">${n.body}</p>` : nothing}
            <p part="meta" class="meta">
              <span>${t(`notificationFeed.cat.${n.category}`)}</span>
              <time datetime=${n.createdAt} title=${date(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}>${relativeTime(n.createdAt)}</time>
            </p>
            <div part="actions" class="actions" role="group" aria-label=${t('notificationFeed.actionsFor', { title: n.title })}>
              ${n.link ? html`<a part="open" class="link" href=${n.link} @click=${(e: MouseEvent) => this.open(e, n)}>${t('notificationFeed.open')}</a>` : nothing}
              ${
                unread
                  ? html`<button part="mark-read" class="button" type="button" ?disabled=${pending('read')} aria-busy=${pending('read') ? 'true' : 'false'} @click=${() => void this.act.run({ id: n.id, action: 'read' })}>
                      ${t('notificationFeed.markRead')}
                    </button>`
                  : nothing
              }
              ${
                n.archivedAt === null
                  ? html`<button part="archive" class="button" type="button" ?disabled=${pending('archive')} aria-busy=${pending('archive') ? 'true' : 'false'} @click=${() => void this.act.run({ id: n.id, action: 'archive' })}>
                      ${t('notificationFeed.archive')}
                    </button>`
                  : nothing
              }
            </div>
          </li>`;
        },
      )}
    </ul>`;
  }
}
