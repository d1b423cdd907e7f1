import type { PaymentMethod, PaymentMethods } from '@portico/contract';
import { billing } from '@portico/contract/validators/billing';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { PorticoElement } from '../../base/portico-element.js';
import { hostedSession } from '../../controllers/hosted-session.js';
import { MutationController } from '../../controllers/mutation-controller.js';
import { renderFailure } from '../../controllers/render-mutation.js';
import { type RenderableResource, renderState, stateStyles } from '../../controllers/render-state.js';
import { errorCode, ResourceController } from '../../controllers/resource-controller.js';
import { failureStyles } from '../../styles/failure.styles.js';
import type {} from './payment-methods.events.js';
import { en, type PaymentMethodsMessageKey } from './payment-methods.messages.js';
import { styles } from './payment-methods.styles.js';

export type {
  PorticoAutoPayRequestDetail,
  PorticoPaymentMethodAddDetail,
  PorticoPaymentMethodRequestDetail,
  PorticoPaymentMethodsChangeDetail,
  PorticoPaymentMethodUpdateDetail,
} from './payment-methods.events.js';

const BRANDS: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  diners: 'Diners Club',
};

type Change = { kind: 'remove' | 'default'; method: PaymentMethod } | { kind: 'autoPay'; enabled: boolean };

/**
 * The organization's payment methods: cards and bank accounts with brand, last 4 digits and
 * expiry, flagged when expired or expiring within two months; which one is the default; removing
 * one (after a confirmation; never the last one, nor the default, while auto-pay is on) and
 * turning auto-pay on and off.
 *
 * Card numbers never pass through Portico. "Add payment method" and "Update" fire
 * `portico-payment-method-add` / `portico-payment-method-update` for the host to handle; when the
 * server's billing provider has a hosted page (`capabilities.hostedSessions`), the component then
 * asks the server for a one-time link (`POST /billing/sessions`) and opens it — unless a listener
 * called `preventDefault()`. Admins only; live `payment_method` events refresh it.
 *
 * @summary Cards and bank accounts on file, the default one, removal and auto-pay.
 *
 * @slot empty - Shown when there is no payment method. Default: "No payment method yet."
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart list - The list of methods.
 * @csspart method - A method (`data-id`; `data-expired`, `data-default` when so).
 * @csspart name - A method's brand and last 4 digits.
 * @csspart expiry - A card's expiry.
 * @csspart badge - Every badge; also `default-badge`, `expired-badge` or `expiring-badge`.
 * @csspart actions - A method's buttons.
 * @csspart make-default - The "Make default" button.
 * @csspart update - The "Update" button.
 * @csspart remove - The "Remove" button.
 * @csspart confirm - The removal confirmation (a group with `confirm-remove` and `keep`).
 * @csspart confirm-remove - The button that removes.
 * @csspart keep - The button that keeps the method.
 * @csspart hint - Why a method cannot be removed right now.
 * @csspart add - The "Add payment method" button.
 * @csspart auto-pay - The auto-pay switch's row.
 * @csspart switch - The auto-pay switch (a checkbox with `role="switch"`).
 * @csspart failure - The alert of a change that failed (with `retry`).
 * @csspart status - The polite live region announcing what changed.
 * @csspart loading - The loading state.
 * @csspart content - The loaded content (`aria-busy` while refreshing).
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The Retry button.
 *
 * @cssprop --portico-payment-methods-gap - Space between methods (default: spacing s).
 * @cssprop --portico-payment-methods-border-color - Borders of the methods (default: `--portico-color-border`).
 * @cssprop --portico-payment-methods-radius - Radius of a method (default: twice `--portico-radius`).
 *
 * @fires portico-payment-method-add - "Add payment method" was activated; `detail.hosted`. Cancelable: the provider's page is not opened.
 * @fires portico-payment-method-update - "Update" was activated; `detail.method`, `detail.hosted`. Cancelable: the provider's page is not opened.
 * @fires portico-payment-method-remove-request - A confirmed removal is about to be sent; `detail.method`. Cancelable: nothing is sent.
 * @fires portico-payment-method-remove - The method was removed; `detail.methods`.
 * @fires portico-payment-method-default-request - A new default is about to be sent; `detail.method`. Cancelable: nothing is sent.
 * @fires portico-payment-method-default - The method became the default; `detail.methods`.
 * @fires portico-auto-pay-request - Auto-pay is about to be turned on or off; `detail.enabled`. Cancelable: nothing is sent.
 * @fires portico-auto-pay-change - Auto-pay was turned on or off; `detail.methods`.
 * @fires portico-error - Loading failed; `detail.code` is the error's machine code.
 *
 * @example
 * ```html
 * <portico-payment-methods></portico-payment-methods>
 * ```
 */
export class PorticoPaymentMethods extends PorticoElement<PaymentMethodsMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, failureStyles, styles];
  static override resources = {
    en,
    endpoints: { billing },
    locales: { de: () => import('./payment-methods.messages.de.js'), ar: () => import('./payment-methods.messages.ar.js') },
  };

  static override properties = {
    confirming: { state: true },
    announcement: { state: true },
    opening: { state: true },
  };

  /**
   * Opens a hosted page's one-time link (default: in this window). Replace it to open it
   * elsewhere (a popup, a new tab) or to record it.
   */
  navigate: (url: string) => void = (url) => window.location.assign(url);

  /** Id of the method whose removal is being confirmed. */
  protected confirming = '';
  protected announcement = '';
  protected opening = false;
  /** What the last write answered, shown until the next load. */
  private latest?: { from: PaymentMethods | undefined; value: PaymentMethods };

  private readonly methods = new ResourceController(this, {
    args: () => [] as const,
    load: (client, _args, { signal }) => client.billing.paymentMethods({ signal }),
    live: ['payment_method'],
  });

  private readonly change = new MutationController<Change, PaymentMethods>(this, {
    send: (client, c, { key, signal }): Promise<PaymentMethods> =>
      c.kind === 'autoPay'
        ? client.billing.setAutoPay({ enabled: c.enabled, idempotencyKey: key, signal })
        : c.kind === 'remove'
          ? client.billing.removePaymentMethod({ methodId: c.method.id, idempotencyKey: key, signal })
          : client.billing.setDefaultPaymentMethod({ methodId: c.method.id, idempotencyKey: key, signal }),
    request: (c) =>
      c.kind === 'autoPay'
        ? ['portico-auto-pay-request', { enabled: c.enabled }]
        : c.kind === 'remove'
          ? ['portico-payment-method-remove-request', { method: c.method }]
          : ['portico-payment-method-default-request', { method: c.method }],
    onSuccess: (methods, c) => {
      this.latest = { from: this.methods.value, value: methods };
      this.confirming = '';
      if (c.kind !== 'autoPay') {
        const key = c.kind === 'remove' ? 'paymentMethods.removed' : 'paymentMethods.madeDefault';
        this.announcement = this.i18n.t(key, { method: this.methodName(c.method) });
      }
    },
    success: (methods, c) =>
      c.kind === 'remove'
        ? ['portico-payment-method-remove', { methods }]
        : c.kind === 'default'
          ? ['portico-payment-method-default', { methods }]
          : ['portico-auto-pay-change', { methods }],
  });

  private readonly session = hostedSession(this, (url) => this.navigate(url));

  /** The methods on screen (after the last change), or `undefined` before loading. */
  get value(): PaymentMethods | undefined {
    const loaded = this.methods.value;
    return this.latest && this.latest.from === loaded ? this.latest.value : loaded;
  }

  /** Loads the methods again. */
  refresh(): Promise<void> {
    return this.methods.refresh();
  }

  /** "Visa ending in 4242" — how a method is named to the user. */
  methodName(m: PaymentMethod): string {
    const brand = BRANDS[m.brand.toLowerCase()] ?? m.brand;
    return this.i18n.t(m.kind === 'card' ? 'paymentMethods.card' : 'paymentMethods.bank', { brand, last4: m.last4 });
  }

  /** Asks to add a method: the event, then (when the server has a hosted page and nobody canceled it) the page. */
  add(): void {
    const hosted = Boolean(this.value?.capabilities.hostedSessions);
    if (this.emit('portico-payment-method-add', { hosted }, { cancelable: true }) && hosted)
      void this.session.run({ purpose: 'payment_method.add' });
  }

  /** Asks to update a method (e.g. a new card for an expiring one), like `add()`. */
  updateMethod(method: PaymentMethod): void {
    const hosted = Boolean(this.value?.capabilities.hostedSessions);
    if (this.emit('portico-payment-method-update', { method, hosted }, { cancelable: true }) && hosted)
      void this.session.run({ purpose: 'payment_method.update', methodId: method.id });
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const resource: RenderableResource<PaymentMethods> = {
      state: this.methods.state,
      value: this.value,
      error: this.methods.error,
      refresh: () => this.refresh(),
    };
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      ${renderState(this, resource, {
        complete: (v) => this.renderMethods(v),
      })}
      <div part="status" class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }

  /** Why `m` cannot be removed right now, or '' when it can. */
  private blocked(v: PaymentMethods, m: PaymentMethod): PaymentMethodsMessageKey | '' {
    if (!v.autoPay) return '';
    if (v.data.length === 1) return 'paymentMethods.lastWithAutoPay';
    return m.isDefault ? 'paymentMethods.defaultWithAutoPay' : '';
  }

  private renderMethods(v: PaymentMethods) {
    const { t } = this.i18n;
    const pending = this.change.pending;
    const validDefault = v.data.some((m) => m.isDefault && !m.expired);
    const failure = this.change.status === 'error' ? this.change : this.session;
    return html`${
      v.data.length
        ? html`<ul part="list" class="list" role="list" aria-label=${t('paymentMethods.label')}>
            ${repeat(
              v.data,
              (m) => m.id,
              (m) => this.renderMethod(v, m),
            )}
          </ul>`
        : html`<div part="empty" class="empty"><slot name="empty"><p class="muted">${t('paymentMethods.empty')}</p></slot></div>`
    }
      <div class="footer">
        <button part="add" class="button" type="button" ?disabled=${this.session.pending} aria-busy=${this.session.pending ? 'true' : 'false'} @click=${() => this.add()}>
          ${t('paymentMethods.add')}
        </button>
        ${
          v.capabilities.autoPay
            ? html`<div part="auto-pay" class="auto-pay">
                <input part="switch" id="auto-pay" type="checkbox" role="switch" .checked=${live(v.autoPay)}
                  ?disabled=${pending || (!v.autoPay && !validDefault)} aria-describedby="auto-pay-hint"
                  @change=${(e: Event) => void this.change.run({ kind: 'autoPay', enabled: (e.target as HTMLInputElement).checked })} />
                <label for="auto-pay">${t('paymentMethods.autoPay')}</label>
                <span id="auto-pay-hint" class="muted">${t(!v.autoPay && !validDefault ? 'paymentMethods.autoPayNeedsDefault' : 'paymentMethods.autoPayHint')}</span>
              </div>`
            : nothing
        }
      </div>
      ${renderFailure(this, failure as MutationController<unknown, unknown>, {
        part: 'failure',
        retry: 'retry',
        message: (reason) =>
          t('paymentMethods.failed', { reason: errorCode(failure.error) === 'conflict' ? t('paymentMethods.conflict') : reason }),
      })}`;
  }

  private renderMethod(v: PaymentMethods, m: PaymentMethod) {
    const { t, date } = this.i18n;
    const name = this.methodName(m);
    const expiry =
      m.expMonth && m.expYear ? date(Date.UTC(m.expYear, m.expMonth - 1, 15), { month: '2-digit', year: 'numeric', timeZone: 'UTC' }) : '';
    const blocked = this.blocked(v, m);
    const pending = this.change.pending;
    const hintId = `hint-${m.id}`;
    return html`<li part="method" class="method" data-id=${m.id} ?data-default=${m.isDefault} ?data-expired=${m.expired}>
      <div class="info">
        <span part="name" class="name" dir="auto">${name}</span>
        ${m.kind === 'bank_account' ? html`<span class="muted">${t('paymentMethods.bankAccount')}</span>` : nothing}
        ${expiry ? html`<span part="expiry" class="muted">${t(m.expired ? 'paymentMethods.expiredOn' : 'paymentMethods.expires', { date: expiry })}</span>` : nothing}
        ${m.holderName ? html`<span class="muted" dir="auto">${m.holderName}</span>` : nothing}
        <span class="badges">
          ${m.isDefault ? html`<span part="badge default-badge" class="badge" data-tone="primary">${t('paymentMethods.default')}</span>` : nothing}
          ${m.expired ? html`<span part="badge expired-badge" class="badge" data-tone="danger">${t('paymentMethods.expired')}</span>` : nothing}
          ${m.expiringSoon ? html`<span part="badge expiring-badge" class="badge" data-tone="warning">${t('paymentMethods.expiring')}</span>` : nothing}
        </span>
      </div>
      ${
        this.confirming === m.id
          ? html`<div part="confirm" class="confirm" role="group" aria-labelledby=${`q-${m.id}`} @keydown=${this.onConfirmKey}>
              <span id=${`q-${m.id}`}>${t('paymentMethods.confirm', { method: name })}</span>
              <button part="confirm-remove" class="button button--danger" type="button" ?disabled=${pending} aria-busy=${pending ? 'true' : 'false'}
                @click=${() => void this.change.run({ kind: 'remove', method: m })}>${t('paymentMethods.confirmRemove')}</button>
              <button part="keep" class="button" type="button" @click=${() => this.cancelConfirm(m)}>${t('paymentMethods.keep')}</button>
            </div>`
          : html`<div part="actions" class="actions">
              ${
                v.capabilities.setDefault && !m.isDefault && !m.expired
                  ? html`<button part="make-default" class="button" type="button" ?disabled=${pending} aria-describedby=${`n-${m.id}`}
                      @click=${() => void this.change.run({ kind: 'default', method: m })}>${t('paymentMethods.makeDefault')}</button>`
                  : nothing
              }
              ${
                m.kind === 'card'
                  ? html`<button part="update" class="button" type="button" @click=${() => this.updateMethod(m)}>${t('paymentMethods.update')}</button>`
                  : nothing
              }
              ${
                v.capabilities.remove
                  ? html`<button part="remove" class="button" type="button" aria-disabled=${blocked ? 'true' : 'false'}
                      aria-describedby=${blocked ? hintId : nothing} @click=${() => this.askRemove(m, blocked)}>${t('paymentMethods.remove')}</button>`
                  : nothing
              }
            </div>`
      }
      ${blocked && v.capabilities.remove ? html`<p part="hint" class="hint muted" id=${hintId}>${t(blocked)}</p>` : nothing}
      <span hidden id=${`n-${m.id}`}>${name}</span>
    </li>`;
  }

  private async askRemove(m: PaymentMethod, blocked: string) {
    if (blocked) return;
    this.change.clearError();
    this.confirming = m.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="keep"]')?.focus();
  }

  private async cancelConfirm(m: PaymentMethod) {
    this.confirming = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(m.id)}"] [part~="remove"]`)?.focus();
  }

  private readonly onConfirmKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    const m = this.value?.data.find((x) => x.id === this.confirming);
    if (m) void this.cancelConfirm(m);
  };
}
