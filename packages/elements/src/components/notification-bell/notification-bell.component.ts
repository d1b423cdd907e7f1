import type { NotificationSummary } from '@portico/contract';
import { notifications } from '@portico/contract/validators/notifications';
import { html, nothing } from 'lit';
import { PorticoElement } from '../../base/portico-element.js';
import { ResourceController } from '../../controllers/resource-controller.js';
import type {} from '../notification-feed/notification-feed.events.js';
import { en, type NotificationBellMessageKey } from './notification-bell.messages.js';
import { styles } from './notification-bell.styles.js';

/** The events that change the unread count: the contact's notifications and "mark all read". */
export const UNREAD_EVENTS = ['notification', 'notification.read_all'] as const;
/** Component events after which the count is read again at once (not only when the stream says so). */
const LOCAL_EVENTS = ['portico-notification-update', 'portico-notifications-read-all'] as const;

let feedLoading: Promise<unknown> | undefined;
/** The feed's code, loaded the first time a bell opens (never with the bell itself). */
const loadFeed = () => (feedLoading ??= import('../notification-feed/notification-feed.js'));

/**
 * A button with the signed-in contact's unread count that opens their notification feed in a
 * popover. Small enough for every page of a site: the feed's code loads when it first opens.
 * The count is read again on every live notification event (including marks made in another tab),
 * after a reconnect of the event stream, when a feed on the page marks something read, and each
 * time the popover opens.
 *
 * @summary Unread notifications count and a popover with the feed.
 *
 * @csspart base - The component's root.
 * @csspart button - The bell button (its accessible name says the count).
 * @csspart badge - The unread count on the button (hidden when there is none).
 * @csspart panel - The popover (`role="dialog"`).
 * @csspart feed - The `<portico-notification-feed>` inside the popover.
 * @csspart all - The "See all notifications" link (when `href` is set).
 *
 * @cssprop --portico-notification-bell-size - Size of the button (default: 10 spacing units).
 * @cssprop --portico-notification-bell-badge-color - Background of the badge (default: `--portico-color-danger`).
 * @cssprop --portico-notification-bell-panel-width - Width of the popover (default: `24rem`, at most the viewport less a margin).
 *
 * @fires portico-error - Loading the unread count failed; `detail.code`.
 *
 * @example
 * ```html
 * <portico-notification-bell href="/notifications"></portico-notification-bell>
 * ```
 */
export class PorticoNotificationBell extends PorticoElement<NotificationBellMessageKey> {
  static override styles = [PorticoElement.styles, styles];
  static override resources = {
    en,
    endpoints: { notifications },
    locales: { de: () => import('./notification-bell.messages.de.js'), ar: () => import('./notification-bell.messages.ar.js') },
  };

  static override properties = {
    open: { type: Boolean, reflect: true },
    href: { reflect: true },
  };

  /** Whether the popover is open. */
  open = false;

  /** The host's page of all notifications, linked under the popover's feed. */
  href = '';

  private readonly summary = new ResourceController<NotificationSummary, readonly []>(this, {
    args: () => [] as const,
    load: (client, _args, { signal }) => client.notifications.summary({ signal }),
    live: UNREAD_EVENTS,
  });

  /** The unread count, or `undefined` while it is not known. */
  get unread(): number | undefined {
    return this.summary.state === 'error' ? undefined : this.summary.value?.unread;
  }

  /** Reads the unread count again. */
  refresh(): Promise<void> {
    return this.summary.refresh();
  }

  /** Opens the popover (loading the feed's code the first time) and moves focus into it. */
  async show(): Promise<void> {
    if (this.open) return;
    // On a narrow screen the popover spans the viewport just under the button (styles: --_panel-top).
    const below = this.renderRoot.querySelector('.bell')?.getBoundingClientRect().bottom;
    if (below !== undefined) this.style.setProperty('--_panel-top', `${Math.round(below + 4)}px`);
    this.open = true;
    void this.refresh();
    await loadFeed();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.panel')?.focus();
  }

  /** Closes the popover; focus returns to the button when it was inside. */
  hide(): void {
    if (!this.open) return;
    const inside = this.matches(':focus-within');
    this.open = false;
    if (inside) this.renderRoot.querySelector<HTMLElement>('.bell')?.focus();
  }

  private readonly onLocal = () => void this.refresh();
  private readonly onPointer = (e: Event) => {
    if (this.open && !e.composedPath().includes(this)) this.hide();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    for (const name of LOCAL_EVENTS) this.ownerDocument.addEventListener(name, this.onLocal);
    this.ownerDocument.addEventListener('pointerdown', this.onPointer);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const name of LOCAL_EVENTS) this.ownerDocument.removeEventListener(name, this.onLocal);
    this.ownerDocument.removeEventListener('pointerdown', this.onPointer);
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.open) {
      e.stopPropagation();
      this.hide();
    }
  }

  private onFocusOut(e: FocusEvent): void {
    const next = e.relatedTarget as Node | null;
    if (this.open && next && !this.contains(next) && !this.renderRoot.contains(next)) this.hide();
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const { t, number } = this.i18n;
    const count = this.unread;
    const label =
      this.summary.state === 'error'
        ? t('notificationBell.unknown')
        : count === undefined
          ? t('notificationBell.label')
          : t('notificationBell.unread', { count });
    return html`<div part="base" class="base" lang=${lang} dir=${dir} @keydown=${this.onKeydown} @focusout=${this.onFocusOut}>
      <button
        part="button"
        class="bell"
        type="button"
        aria-label=${label}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        aria-haspopup="dialog"
        aria-busy=${this.summary.state === 'loading' ? 'true' : 'false'}
        @click=${() => (this.open ? this.hide() : void this.show())}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
        </svg>
        ${
          this.summary.state === 'error'
            ? html`<span part="badge" class="badge badge--unknown" aria-hidden="true">!</span>`
            : count
              ? html`<span part="badge" class="badge" aria-hidden="true">${count > 99 ? `${number(99)}+` : number(count)}</span>`
              : nothing
        }
      </button>
      ${
        this.open
          ? html`<div part="panel" id="panel" class="panel" role="dialog" aria-label=${t('notificationBell.label')} tabindex="-1">
              <portico-notification-feed part="feed" compact page-size="8" .client=${this.client} .theme=${this.theme ?? this.contextTheme}></portico-notification-feed>
              ${this.href ? html`<a part="all" class="all" href=${this.href}>${t('notificationBell.all')}</a>` : nothing}
            </div>`
          : nothing
      }
    </div>`;
  }
}
