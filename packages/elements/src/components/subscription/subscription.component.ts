import type { Subscription, SubscriptionPlan, SubscriptionState } from '@portico/contract';
import { billing } from '@portico/contract/validators/billing';
import { html, nothing } from 'lit';
import { PorticoElement } from '../../base/portico-element.js';
import { hostedSession } from '../../controllers/hosted-session.js';
import { renderFailure } from '../../controllers/render-mutation.js';
import { renderState, stateStyles } from '../../controllers/render-state.js';
import { ResourceController } from '../../controllers/resource-controller.js';
import { isolate } from '../../i18n/isolate.js';
import { badgeStyles } from '../../styles/badge.styles.js';
import { failureStyles } from '../../styles/failure.styles.js';
import type {} from './subscription.events.js';
import { en, type SubscriptionMessageKey } from './subscription.messages.js';
import { styles } from './subscription.styles.js';

export type { PorticoSubscriptionActionDetail } from './subscription.events.js';

const STATUS_TONE: Record<string, string> = {
  active: 'success',
  trialing: 'primary',
  past_due: 'danger',
  incomplete: 'warning',
  paused: 'warning',
};

/**
 * The organization's subscription: plan, status (trial, active, past due, canceled…), the current
 * period and when it renews or ends, seats and the price, and a change scheduled for later (a
 * downgrade at renewal, say). "Change plan" and "Cancel subscription" (after a confirmation) never
 * act silently: they fire `portico-subscription-change` / `portico-subscription-cancel` for the
 * host to handle, and when the server's billing provider has a hosted page the component then
 * opens a one-time link to it — unless a listener called `preventDefault()`.
 *
 * Admins only; live `subscription` events refresh it.
 *
 * @summary Plan, status, renewal, seats and price, with plan changes and cancelling handed to the host or the provider.
 *
 * @slot empty - Shown when the organization has no subscription. Default: "No subscription."
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart plan - The plan's name.
 * @csspart badge - Every badge; also `status-badge`.
 * @csspart details - The price, seats and dates (a description list).
 * @csspart price - The total price per interval.
 * @csspart seats - The seats.
 * @csspart renewal - When the subscription renews, ends or ended.
 * @csspart scheduled - The scheduled change.
 * @csspart notice - Why a past-due subscription needs attention.
 * @csspart actions - The buttons.
 * @csspart change - "Change plan".
 * @csspart cancel - "Cancel subscription".
 * @csspart confirm - The cancel confirmation (a group with `confirm-cancel` and `keep`).
 * @csspart confirm-cancel - The button that cancels.
 * @csspart keep - The button that keeps the subscription.
 * @csspart failure - The alert when the billing page could not be opened (with `retry`).
 * @csspart loading - The loading state.
 * @csspart content - The loaded content (`aria-busy` while refreshing).
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The Retry button.
 *
 * @cssprop --portico-subscription-gap - Space between the parts (default: spacing m).
 * @cssprop --portico-subscription-border-color - Border of the scheduled change (default: `--portico-color-border`).
 *
 * @fires portico-subscription-change - "Change plan" was activated; `detail.subscription`, `detail.hosted`. Cancelable: the provider's page is not opened.
 * @fires portico-subscription-cancel - Cancelling was confirmed; `detail.subscription`, `detail.hosted`. Cancelable: the provider's page is not opened.
 * @fires portico-error - Loading failed; `detail.code` is the error's machine code.
 *
 * @example
 * ```html
 * <portico-subscription></portico-subscription>
 * ```
 */
export class PorticoSubscription extends PorticoElement<SubscriptionMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, failureStyles, badgeStyles, styles];
  static override resources = {
    en,
    endpoints: { billing },
    locales: { de: () => import('./subscription.messages.de.js'), ar: () => import('./subscription.messages.ar.js') },
  };

  static override properties = {
    headingLevel: { type: Number, attribute: 'heading-level' },
    confirming: { state: true },
  };

  /** `aria-level` of the plan's heading. */
  headingLevel = 3;

  /** Opens a hosted page's one-time link (default: in this window). */
  navigate: (url: string) => void = (url) => window.location.assign(url);

  protected confirming = false;

  private readonly state = new ResourceController(this, {
    args: () => [] as const,
    load: (client, _args, { signal }): Promise<SubscriptionState> => client.billing.subscription({ signal }),
    live: ['subscription'],
  });

  private readonly session = hostedSession(this, (url) => this.navigate(url));

  /** The subscription on screen (`null`: none), or `undefined` before loading. */
  get value(): Subscription | null | undefined {
    return this.state.value?.subscription;
  }

  /** Loads the subscription again. */
  refresh(): Promise<void> {
    return this.state.refresh();
  }

  /** Asks to change the plan: the event, then (with a hosted page, unless canceled) the provider's page. */
  changePlan(): void {
    this.act('portico-subscription-change', 'subscription.change');
  }

  private act(name: 'portico-subscription-change' | 'portico-subscription-cancel', purpose: 'subscription.change' | 'subscription.cancel') {
    const s = this.state.value;
    if (!s?.subscription) return;
    const hosted = s.capabilities.hostedSessions;
    if (this.emit(name, { subscription: s.subscription, hosted }, { cancelable: true }) && hosted) void this.session.run({ purpose });
  }

  protected override render() {
    const { lang, dir } = this.locale;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      ${renderState(this, this.state, {
        complete: (v) => this.renderSubscription(v.subscription!),
        isEmpty: (v) => v.subscription === null,
        emptyText: this.i18n.t('subscription.none'),
      })}
    </div>`;
  }

  private price(plan: SubscriptionPlan, quantity: number) {
    const { t, money } = this.i18n;
    return t(plan.interval === 'year' ? 'subscription.perYear' : 'subscription.perMonth', {
      amount: money(plan.unitAmount * quantity, plan.currency),
    });
  }

  private renderSubscription(s: Subscription) {
    const { t, money, date } = this.i18n;
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 3));
    const seats = t('subscription.seatCount', { count: s.quantity });
    const ended = s.status === 'canceled';
    const [renewKey, renewAt] = ended
      ? (['subscription.canceledOn', s.canceledAt ?? s.currentPeriodEnd] as const)
      : s.cancelAt
        ? (['subscription.ends', s.cancelAt] as const)
        : s.status === 'trialing' && s.trialEnd
          ? (['subscription.trialEnds', s.trialEnd] as const)
          : (['subscription.renews', s.currentPeriodEnd] as const);
    const change = s.scheduledChange;
    return html`<div class="head">
        <div part="plan" class="plan" role="heading" aria-level=${level} dir="auto">${s.plan.name}</div>
        <span part="badge status-badge" class="badge" data-tone=${STATUS_TONE[s.status] ?? 'muted'}>${t(`subscription.status.${s.status}` as SubscriptionMessageKey)}</span>
      </div>
      ${s.status === 'past_due' ? html`<p part="notice" class="notice">${t('subscription.pastDueHint')}</p>` : nothing}
      <dl part="details" class="details">
        <div part="price"><dt>${t('subscription.price')}</dt><dd>${this.price(s.plan, s.quantity)}
          <span class="muted">${t('subscription.breakdown', { unit: money(s.plan.unitAmount, s.plan.currency), seats })}</span></dd></div>
        <div part="seats"><dt>${t('subscription.seats')}</dt><dd>${seats}</dd></div>
        <div part="renewal"><dt>${t(renewKey)}</dt><dd><time datetime=${renewAt}>${date(renewAt)}</time></dd></div>
        <div><dt>${t('subscription.period')}</dt><dd>${t('subscription.periodRange', { start: date(s.currentPeriodStart), end: date(s.currentPeriodEnd) })}</dd></div>
      </dl>
      ${
        change
          ? html`<div part="scheduled" class="scheduled">
              <span part="badge" class="badge" data-tone="warning">${t('subscription.scheduled')}</span>
              <span>${isolate(t, 'subscription.changeTo', { plan: change.plan.name, seats: t('subscription.seatCount', { count: change.quantity }), date: date(change.effectiveAt) }, 'plan')}
                ${this.price(change.plan, change.quantity)}</span>
            </div>`
          : nothing
      }
      ${ended ? nothing : this.renderActions(s)}
      ${renderFailure(this, this.session, { part: 'failure', retry: 'retry', message: (reason) => t('subscription.failed', { reason }) })}`;
  }

  private renderActions(s: Subscription) {
    const { t } = this.i18n;
    const busy = this.session.pending;
    if (this.confirming)
      return html`<div part="confirm" class="actions" role="group" aria-labelledby="confirm-q" @keydown=${this.onConfirmKey}>
        <span id="confirm-q">${t('subscription.confirmCancel', { plan: s.plan.name })}</span>
        <button part="confirm-cancel" class="button button--danger" type="button" ?disabled=${busy} @click=${this.confirmCancel}>${t('subscription.confirmYes')}</button>
        <button part="keep" class="button" type="button" @click=${this.keep}>${t('subscription.keep')}</button>
      </div>`;
    return html`<div part="actions" class="actions">
      <button part="change" class="button" type="button" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'} @click=${() => this.changePlan()}>
        ${t('subscription.change')}
      </button>
      ${
        s.cancelAt
          ? nothing
          : html`<button part="cancel" class="button" type="button" ?disabled=${busy} @click=${this.askCancel}>${t('subscription.cancel')}</button>`
      }
    </div>`;
  }

  private readonly askCancel = async () => {
    this.confirming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="keep"]')?.focus();
  };

  private readonly keep = async () => {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="cancel"]')?.focus();
  };

  private readonly confirmCancel = () => {
    this.confirming = false;
    this.act('portico-subscription-cancel', 'subscription.cancel');
  };

  private readonly onConfirmKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    void this.keep();
  };
}
