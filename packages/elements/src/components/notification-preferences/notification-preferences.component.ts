import type { NotificationChannel, NotificationPreferences, PreferenceSwitch } from '@portico/contract';
import { notifications } from '@portico/contract/validators/notifications';
import { html } from 'lit';
import { PorticoElement } from '../../base/portico-element.js';
import { MutationController } from '../../controllers/mutation-controller.js';
import { renderFailure } from '../../controllers/render-mutation.js';
import { renderState, stateStyles } from '../../controllers/render-state.js';
import { ResourceController } from '../../controllers/resource-controller.js';
import { failureStyles } from '../../styles/failure.styles.js';
import { en, type NotificationPreferencesMessageKey } from './notification-preferences.messages.js';
import { styles } from './notification-preferences.styles.js';

export type { PorticoPreferencesChangeDetail, PorticoPreferencesChangeRequestDetail } from './notification-preferences.events.js';

const CHANNELS: readonly NotificationChannel[] = ['inPortal', 'email'];
const key = (s: Pick<PreferenceSwitch, 'category' | 'channel'>) => `${s.category}:${s.channel}`;

/**
 * The signed-in contact's notification switches: one row per category, one switch per channel
 * (in the portal, by email). A switch is saved as soon as it is flipped (shown at once, undone if
 * the server refuses it) and the page says so politely. The server keeps them per contact, stops
 * in-portal notifications of a category switched off, and gives them to the host's mailer
 * (`GET /staff/v1/orgs/{org}/contacts/{contact}/notification-preferences`). Live: a change made in
 * another tab shows here too.
 *
 * @summary Which notifications reach the contact, per category and channel.
 *
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart table - The table of switches.
 * @csspart row - A category's row.
 * @csspart category - A category's name (the row header).
 * @csspart hint - What a category covers.
 * @csspart switch - A switch (`<input type="checkbox" role="switch">`, `data-channel`).
 * @csspart status - The polite status line ("Saved.").
 * @csspart failure - The alert when a change was not saved, with `retry`.
 * @csspart loading - The loading state.
 * @csspart content - The loaded content.
 * @csspart error - The error state.
 * @csspart retry - The Retry button.
 *
 * @cssprop --portico-notification-preferences-on-color - A switch that is on (default: `--portico-color-primary`).
 *
 * @fires portico-preferences-change-request - Before a switch is saved; cancelable.
 * @fires portico-preferences-change - A switch was saved.
 * @fires portico-error - Loading failed; `detail.code`.
 *
 * @example
 * ```html
 * <portico-notification-preferences></portico-notification-preferences>
 * ```
 */
export class PorticoNotificationPreferences extends PorticoElement<NotificationPreferencesMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, failureStyles, styles];
  static override resources = {
    en,
    endpoints: { notifications },
    locales: {
      de: () => import('./notification-preferences.messages.de.js'),
      ar: () => import('./notification-preferences.messages.ar.js'),
    },
  };

  static override properties = { status: { state: true } };

  private status = '';
  /** Switches flipped here and not reloaded since (shown at once, undone on failure). */
  private pending = new Map<string, boolean>();

  private readonly prefs = new ResourceController<NotificationPreferences, readonly []>(this, {
    args: () => [] as const,
    load: async (client, _a, { signal }) => {
      const p = await client.notifications.preferences({ signal });
      this.pending.clear();
      return p;
    },
    live: ['contact.updated'],
  });

  private readonly save = new MutationController<PreferenceSwitch, NotificationPreferences>(this, {
    send: (client, s, { key: k, signal }) => client.notifications.updatePreferences({ switches: [s], idempotencyKey: k, signal }),
    request: (s) => ['portico-preferences-change-request', { switch: s }],
    success: (preferences, s) => ['portico-preferences-change', { switch: s, preferences }],
    optimistic: (s) => {
      const k = key(s);
      const had = this.pending.has(k);
      const before = this.pending.get(k);
      this.pending.set(k, s.enabled);
      this.status = '';
      return () => (had ? this.pending.set(k, before!) : this.pending.delete(k));
    },
    onSuccess: () => {
      this.status = this.i18n.t('notificationPreferences.saved');
    },
  });

  /** The switches as shown (the server's, with unsaved flips applied), or `undefined` before loading. */
  get preferences(): NotificationPreferences | undefined {
    const v = this.prefs.value;
    if (!v) return undefined;
    return {
      categories: v.categories.map((c) => ({
        ...c,
        inPortal: this.pending.get(`${c.category}:inPortal`) ?? c.inPortal,
        email: this.pending.get(`${c.category}:email`) ?? c.email,
      })),
    };
  }

  /** Loads the switches again. */
  refresh(): Promise<void> {
    return this.prefs.refresh();
  }

  private flip(e: Event, s: Omit<PreferenceSwitch, 'enabled'>): void {
    const input = e.target as HTMLInputElement;
    const enabled = input.checked;
    void this.save.run({ ...s, enabled }).then(() => {
      // Canceled or failed: the box shows the stored value again.
      input.checked = this.preferences?.categories.find((c) => c.category === s.category)?.[s.channel] ?? !enabled;
    });
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const { t } = this.i18n;
    return html`<section part="base" class="base" lang=${lang} dir=${dir} aria-label=${t('notificationPreferences.label')}>
      ${renderState(this, this.prefs, { complete: () => this.renderTable() })}
      <p part="status" class="status" role="status">${this.status}</p>
      ${renderFailure(this, this.save, {
        part: 'failure',
        retry: 'retry',
        message: (reason) => t('notificationPreferences.failed', { reason }),
      })}
    </section>`;
  }

  private renderTable() {
    const { t } = this.i18n;
    const prefs = this.preferences!;
    const busy = this.save.pending ? this.save.input : undefined;
    return html`<table part="table" class="table">
      <caption class="visually-hidden">${t('notificationPreferences.label')}</caption>
      <thead>
        <tr>
          <th scope="col">${t('notificationPreferences.category')}</th>
          ${CHANNELS.map((ch) => html`<th scope="col" id=${`col-${ch}`}>${t(`notificationPreferences.${ch}`)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${prefs.categories.map(
          (c) => html`<tr part="row">
            <th part="category" scope="row" id=${`row-${c.category}`}>
              <span class="name">${t(`notificationPreferences.cat.${c.category}`)}</span>
              <span part="hint" class="hint">${t(`notificationPreferences.hint.${c.category}`)}</span>
            </th>
            ${CHANNELS.map((ch) => {
              const saving = busy?.category === c.category && busy.channel === ch;
              return html`<td>
                <input
                  part="switch"
                  class="switch"
                  type="checkbox"
                  role="switch"
                  data-channel=${ch}
                  .checked=${c[ch]}
                  aria-checked=${c[ch] ? 'true' : 'false'}
                  aria-labelledby=${`row-${c.category} col-${ch}`}
                  aria-busy=${saving ? 'true' : 'false'}
                  ?disabled=${saving}
                  @change=${(e: Event) => this.flip(e, { category: c.category, channel: ch })}
                />
              </td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
