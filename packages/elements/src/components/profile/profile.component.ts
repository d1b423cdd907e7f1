import type { Profile, ProfileField, ProfileUpdate } from '@portico/contract';
import { profile } from '@portico/contract/validators/profile';
import { html, nothing } from 'lit';
import { PorticoElement } from '../../base/portico-element.js';
import { MutationController } from '../../controllers/mutation-controller.js';
import { renderFailure } from '../../controllers/render-mutation.js';
import { renderState, stateStyles } from '../../controllers/render-state.js';
import { ResourceController } from '../../controllers/resource-controller.js';
import { failureStyles } from '../../styles/failure.styles.js';
import { en, type ProfileMessageKey } from './profile.messages.js';
import { styles } from './profile.styles.js';

export type { PorticoProfileChangeDetail, PorticoProfileChangeRequestDetail } from './profile.events.js';

/** Languages offered besides the stored one (each named in its own language). */
const LANGUAGES = ['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt', 'zh'];

const timeZones = (): string[] => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
};

/** A language's name in that language (`Deutsch`), or the tag when the browser cannot name it. */
const languageName = (tag: string): string => {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
};

/**
 * The signed-in contact as the portal knows them: name and email (from the host's sign-in, always
 * read-only), language and time zone. The fields the server lets the portal change
 * (`PORTICO_PROFILE_EDITABLE`) are a form with Save; the rest are shown read-only, with the
 * host's own account page (`PORTICO_PROFILE_URL`) linked when the server names one.
 *
 * @summary The contact's name, email, language and time zone.
 *
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart fields - The list of fields (`<dl>`).
 * @csspart field - One field (its term and value).
 * @csspart value - A read-only value.
 * @csspart language - The language select (editable).
 * @csspart time-zone - The time-zone select (editable).
 * @csspart save - The Save button.
 * @csspart status - The polite status line ("Saved.").
 * @csspart failure - The alert when saving failed, with `retry`.
 * @csspart manage - The link to the host's account page.
 * @csspart loading - The loading state.
 * @csspart content - The loaded content.
 * @csspart error - The error state.
 * @csspart retry - The Retry button.
 *
 * @cssprop --portico-profile-label-width - Width of the field names on wide screens (default: `10rem`).
 *
 * @fires portico-profile-change-request - Before changes are saved; cancelable.
 * @fires portico-profile-change - The profile was saved.
 * @fires portico-error - Loading failed; `detail.code`.
 *
 * @example
 * ```html
 * <portico-profile></portico-profile>
 * ```
 */
export class PorticoProfile extends PorticoElement<ProfileMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, failureStyles, styles];
  static override resources = {
    en,
    endpoints: { profile },
    locales: { de: () => import('./profile.messages.de.js'), ar: () => import('./profile.messages.ar.js') },
  };

  static override properties = { status: { state: true } };

  private status = '';

  private readonly data = new ResourceController<Profile, readonly []>(this, {
    args: () => [] as const,
    load: (client, _a, { signal }) => client.profile.get({ signal }),
    live: ['contact.updated'],
  });

  private readonly save = new MutationController<ProfileUpdate, Profile>(this, {
    send: (client, changes, { key, signal }) => client.profile.update({ ...changes, idempotencyKey: key, signal }),
    request: (changes) => ['portico-profile-change-request', { changes }],
    success: (p, changes) => ['portico-profile-change', { changes, profile: p }],
    onSuccess: () => {
      this.status = this.i18n.t('profile.saved');
      void this.data.refresh();
    },
  });

  /** The profile as loaded, or `undefined` before. */
  get profile(): Profile | undefined {
    return this.data.value;
  }

  /** Loads the profile again. */
  refresh(): Promise<void> {
    return this.data.refresh();
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const p = this.profile;
    if (!p) return;
    const form = new FormData(e.target as HTMLFormElement);
    const changes: ProfileUpdate = {};
    for (const field of p.editable) {
      const raw = form.get(field);
      if (typeof raw !== 'string') continue;
      const value = raw || null;
      if (value !== p[field]) changes[field] = value;
    }
    this.status = '';
    if (Object.keys(changes).length) void this.save.run(changes);
    else this.status = this.i18n.t('profile.saved');
  }

  protected override render() {
    const { lang, dir } = this.locale;
    return html`<section part="base" class="base" lang=${lang} dir=${dir} aria-label=${this.i18n.t('profile.label')}>
      ${renderState(this, this.data, { complete: (p) => this.renderProfile(p) })}
    </section>`;
  }

  private renderProfile(p: Profile) {
    const { t } = this.i18n;
    const editable = (f: ProfileField) => p.editable.includes(f);
    const readOnly = (label: string, value: string | null, auto = false) =>
      html`<div part="field" class="field-row">
        <dt>${label}</dt>
        <dd part="value" dir=${auto ? 'auto' : nothing}>${value ?? t('profile.notSet')}</dd>
      </div>`;
    const select = (field: ProfileField, options: string[], label: string, empty: string, name: (v: string) => string) => {
      const current = p[field];
      const all = current && !options.includes(current) ? [current, ...options] : options;
      return html`<div part="field" class="field-row">
        <dt><label for=${field}>${label}</label></dt>
        <dd>
          <select part=${field === 'timeZone' ? 'time-zone' : 'language'} class="field" id=${field} name=${field} ?disabled=${this.save.pending}>
            <option value="" ?selected=${!current}>${empty}</option>
            ${all.map((v) => html`<option value=${v} ?selected=${v === current}>${name(v)}</option>`)}
          </select>
        </dd>
      </div>`;
    };
    const tz = (v: string) => v.replace(/_/g, ' ');
    const canSave = p.editable.length > 0;
    const body = html`<dl part="fields" class="fields">
        ${readOnly(t('profile.name'), p.name, true)} ${readOnly(t('profile.email'), p.email, true)}
        ${
          editable('language')
            ? select('language', LANGUAGES, t('profile.language'), t('profile.languageDefault'), languageName)
            : readOnly(t('profile.language'), p.language && languageName(p.language))
        }
        ${
          editable('timeZone')
            ? select('timeZone', timeZones(), t('profile.timeZone'), t('profile.timeZoneDefault'), tz)
            : readOnly(t('profile.timeZone'), p.timeZone && tz(p.timeZone))
        }
      </dl>
      ${
        canSave
          ? html`<div class="actions">
              <button part="save" class="button button--primary" type="submit" ?disabled=${this.save.pending} aria-busy=${this.save.pending ? 'true' : 'false'}>
                ${t('profile.save')}
              </button>
            </div>`
          : nothing
      }`;
    return html`${canSave ? html`<form class="form" @submit=${this.submit}>${body}</form>` : body}
      <p part="status" class="status" role="status">${this.status}</p>
      ${renderFailure(this, this.save, { part: 'failure', retry: 'retry', message: (reason) => t('profile.failed', { reason }) })}
      <p class="hint">
        ${t('profile.managedHint')}
        ${p.manageUrl ? html`<a part="manage" href=${p.manageUrl}>${t('profile.manage')}</a>` : nothing}
      </p>`;
  }
}
