import type { InvoiceApplication, InvoiceDetail, InvoiceDetailLine } from '@portico/contract';
import { billing } from '@portico/contract/validators/billing';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PorticoElement } from '../../base/portico-element.js';
import { renderState, stateStyles } from '../../controllers/render-state.js';
import { ResourceController } from '../../controllers/resource-controller.js';
import type {} from '../invoice-table/invoice-table.events.js';
import { en, type InvoiceDetailMessageKey } from './invoice-detail.messages.js';
import { styles } from './invoice-detail.styles.js';

const STATUS_TONE: Record<string, string> = { open: 'primary', paid: 'success', uncollectible: 'danger', void: 'muted', draft: 'muted' };

/**
 * One invoice in full: number, status, dates and who it is billed to; the line items with
 * quantity, unit price, discount and tax; subtotal, discount, tax and total in the invoice's
 * currency; the payments, refunds and credit notes applied to it and what is still due; the PDF
 * and the pay link. Credits and negative lines are shown with their sign, never as charges.
 *
 * Admins only (the server answers 403 to others). Pair it with `<portico-invoice-table>`: its
 * `portico-invoice-select` event gives the id to show. Live `invoice` events refresh it.
 *
 * @summary An invoice with its line items, tax, discounts and the payments applied to it.
 *
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart header - Number, status and dates.
 * @csspart title - The heading ("Invoice INV-00001").
 * @csspart badge - Every badge; also `status-badge` or `overdue`.
 * @csspart dates - The issue, due and paid dates (a description list).
 * @csspart customer - Who the invoice is billed to.
 * @csspart actions - The PDF and pay links.
 * @csspart download - The PDF link.
 * @csspart pay - The pay link.
 * @csspart lines - The scrollable region holding the line items table.
 * @csspart table - A table (line items, payments and credits).
 * @csspart line - A line item's row (`data-credit` when negative).
 * @csspart summary - Subtotal, discount, tax, total, paid, credited, refunded and due.
 * @csspart amount-due - The amount due.
 * @csspart applied - The payments, refunds and credit notes.
 * @csspart memo - The invoice's note.
 * @csspart loading - The loading state.
 * @csspart content - The loaded content (`aria-busy` while refreshing).
 * @csspart error - The error state.
 * @csspart retry - The Retry button.
 *
 * @cssprop --portico-invoice-detail-gap - Space between the sections (default: spacing l).
 * @cssprop --portico-invoice-detail-border-color - Table and section borders (default: `--portico-color-border`).
 * @cssprop --portico-invoice-detail-radius - Radius of the tables (default: twice `--portico-radius`).
 * @cssprop --portico-invoice-detail-credit-color - Colour of credits and negative amounts (default: `--portico-color-success`).
 *
 * @fires portico-invoice-download - The PDF link was activated; `detail.invoice`, `detail.url`. Cancelable: the link is not followed.
 * @fires portico-invoice-pay - The pay link was activated; `detail.invoice`, `detail.url`. Cancelable: the link is not followed.
 * @fires portico-error - Loading failed; `detail.code` is the error's machine code.
 *
 * @example
 * ```html
 * <portico-invoice-detail invoice-id="inv_123"></portico-invoice-detail>
 * ```
 */
export class PorticoInvoiceDetail extends PorticoElement<InvoiceDetailMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, styles];
  static override resources = {
    en,
    endpoints: { billing },
    locales: { de: () => import('./invoice-detail.messages.de.js'), ar: () => import('./invoice-detail.messages.ar.js') },
  };

  static override properties = {
    invoiceId: { attribute: 'invoice-id', reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** The invoice to show. Empty: nothing is shown or loaded. */
  invoiceId = '';

  /** `aria-level` of the invoice's heading (its sections are one level below). */
  headingLevel = 2;

  private readonly invoice = new ResourceController(this, {
    args: () => [this.invoiceId.trim()] as const,
    load: (client, [id], { signal }) => client.billing.invoice({ id, signal }),
    enabled: () => this.invoiceId.trim() !== '',
    live: (e) => e.resource.kind === 'invoice' && e.resource.id === this.invoiceId.trim(),
  });

  /** The invoice on screen, or `undefined` before it loaded. */
  get value(): InvoiceDetail | undefined {
    return this.invoice.value;
  }

  /** Loads the invoice again (the old one stays on screen, marked busy). */
  refresh(): Promise<void> {
    return this.invoice.refresh();
  }

  protected override render() {
    const { lang, dir } = this.locale;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      ${
        this.invoiceId.trim()
          ? renderState(this, this.invoice, {
              complete: (inv) => this.renderInvoice(inv),
              skeleton: () =>
                html`<div class="skeleton-line skeleton-line--title"></div>${[0, 1, 2, 3].map(() => html`<div class="skeleton-line"></div>`)}`,
            })
          : nothing
      }
    </div>`;
  }

  private get level() {
    return Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2));
  }

  private renderInvoice(inv: InvoiceDetail) {
    const { t, money, date } = this.i18n;
    const sub = Math.min(6, this.level + 1);
    const link = (name: 'portico-invoice-download' | 'portico-invoice-pay', url: string) => (e: MouseEvent) => {
      if (!this.emit(name, { invoice: inv, url }, { cancelable: true })) e.preventDefault();
    };
    const payable = inv.payUrl && inv.amountDue > 0 && inv.status === 'open';
    const dateRow = (key: InvoiceDetailMessageKey, value: string | null) =>
      value ? html`<div><dt>${t(key)}</dt><dd><time datetime=${value}>${date(value)}</time></dd></div>` : nothing;
    const c = inv.customer;
    return html`<article class="invoice" aria-labelledby="title">
      <header part="header" class="header">
        <div class="heading-row">
          <div part="title" class="title" role="heading" aria-level=${this.level} id="title">${t('invoiceDetail.title', { number: inv.number })}</div>
          <span part="badge status-badge" class="badge" data-tone=${STATUS_TONE[inv.status] ?? 'muted'}>${t(`invoiceDetail.status.${inv.status}`)}</span>
          ${inv.overdue ? html`<span part="badge overdue" class="badge" data-tone="danger">${t('invoiceDetail.overdue')}</span>` : nothing}
        </div>
        <dl part="dates" class="dates">
          ${dateRow('invoiceDetail.issued', inv.issuedAt)} ${dateRow('invoiceDetail.due', inv.dueAt)} ${dateRow('invoiceDetail.paidOn', inv.paidAt)}
        </dl>
        <div part="customer" class="customer">
          <div class="label" role="heading" aria-level=${sub}>${t('invoiceDetail.billedTo')}</div>
          <div dir="auto" class="customer__name">${c.name}</div>
          ${c.address ? html`<div dir="auto" class="customer__address">${c.address}</div>` : nothing}
          ${c.email ? html`<div dir="auto">${c.email}</div>` : nothing}
          ${c.taxId ? html`<div>${t('invoiceDetail.taxId', { taxId: c.taxId })}</div>` : nothing}
        </div>
        <div part="actions" class="actions">
          ${inv.pdfUrl ? html`<a part="download" class="button" href=${inv.pdfUrl} @click=${link('portico-invoice-download', inv.pdfUrl)}>${t('invoiceDetail.download')}</a>` : nothing}
          ${
            payable
              ? html`<a part="pay" class="button button--primary" href=${inv.payUrl!} @click=${link('portico-invoice-pay', inv.payUrl!)}
                  >${t('invoiceDetail.pay', { amount: money(inv.amountDue, inv.currency) })}</a
                >`
              : nothing
          }
        </div>
      </header>
      ${this.renderLines(inv, sub)} ${this.renderSummary(inv, sub)} ${this.renderApplied(inv, sub)}
      ${
        inv.memo
          ? html`<div part="memo" class="memo"><div class="label" role="heading" aria-level=${sub} id="memo">${t('invoiceDetail.memo')}</div><p dir="auto">${inv.memo}</p></div>`
          : nothing
      }
    </article>`;
  }

  private renderLines(inv: InvoiceDetail, level: number) {
    const { t, money, date, number } = this.i18n;
    const cur = inv.currency;
    const line = (l: InvoiceDetailLine) => html`<tr part="line" ?data-credit=${l.amount < 0}>
      <th scope="row" class="desc">
        <span dir="auto">${l.description}</span>
        ${l.periodStart && l.periodEnd ? html`<span class="sub">${t('invoiceDetail.period', { start: date(l.periodStart), end: date(l.periodEnd) })}</span>` : nothing}
      </th>
      <td class="num">${number(l.quantity)}</td>
      <td class="num">${money(l.unitAmount, cur)}</td>
      <td class="num">${l.discountAmount ? money(-l.discountAmount, cur) : '—'}</td>
      <td class="num">${l.taxRate === null ? t('invoiceDetail.noTax') : html`${money(l.taxAmount, cur)} <span class="sub">${t('invoiceDetail.taxRate', { rate: number(l.taxRate) })}</span>`}</td>
      <td class="num amount" ?data-negative=${l.amount < 0}>${money(l.amount, cur)}${l.amount < 0 ? html` <span class="sub">${t('invoiceDetail.credit')}</span>` : nothing}</td>
    </tr>`;
    return html`<div class="section">
      <div class="label" role="heading" aria-level=${level} id="lines-h">${t('invoiceDetail.lines')}</div>
      <div part="lines" class="scroll" role="region" aria-labelledby="lines-h" tabindex="0">
        <table part="table" class="table">
          <caption class="visually-hidden">${t('invoiceDetail.currency', { currency: cur })}</caption>
          <thead><tr>
            <th scope="col">${t('invoiceDetail.column.description')}</th>
            <th scope="col" class="num">${t('invoiceDetail.column.quantity')}</th>
            <th scope="col" class="num">${t('invoiceDetail.column.unitPrice')}</th>
            <th scope="col" class="num">${t('invoiceDetail.column.discount')}</th>
            <th scope="col" class="num">${t('invoiceDetail.column.tax')}</th>
            <th scope="col" class="num">${t('invoiceDetail.column.amount')}</th>
          </tr></thead>
          <tbody>${repeat(inv.lines, (l) => l.id, line)}</tbody>
        </table>
      </div>
    </div>`;
  }

  private renderSummary(inv: InvoiceDetail, level: number) {
    const { t, money } = this.i18n;
    const row = (key: InvoiceDetailMessageKey, amount: number, cls = '') =>
      html`<div class=${cls} ?data-negative=${amount < 0}><dt>${t(key)}</dt><dd>${money(amount, inv.currency)}</dd></div>`;
    return html`<div class="section">
      <div class="visually-hidden" role="heading" aria-level=${level} id="summary-h">${t('invoiceDetail.summary')}</div>
      <dl part="summary" class="summary">
        ${row('invoiceDetail.subtotal', inv.subtotal)} ${inv.discount ? row('invoiceDetail.discount', -inv.discount) : nothing}
        ${row('invoiceDetail.tax', inv.tax)} ${row('invoiceDetail.total', inv.total, 'total')}
        ${inv.amountPaid ? row('invoiceDetail.paid', -inv.amountPaid) : nothing}
        ${inv.amountCredited ? row('invoiceDetail.credited', -inv.amountCredited) : nothing}
        ${inv.amountRefunded ? row('invoiceDetail.refunded', inv.amountRefunded) : nothing}
        <div part="amount-due" class="due"><dt>${t('invoiceDetail.amountDue')}</dt><dd>${money(inv.amountDue, inv.currency)}</dd></div>
      </dl>
    </div>`;
  }

  private renderApplied(inv: InvoiceDetail, level: number) {
    const { t, money, date } = this.i18n;
    // From the invoice's side: payments and credit notes reduce what is due, refunds give it back.
    const signed = (a: InvoiceApplication) => (a.kind === 'refund' ? a.amount : -a.amount);
    return html`<div part="applied" class="section">
      <div class="label" role="heading" aria-level=${level} id="applied-h">${t('invoiceDetail.applied')}</div>
      ${
        inv.applications.length
          ? html`<div class="scroll" role="region" aria-labelledby="applied-h" tabindex="0"><table part="table" class="table">
              <thead><tr>
                <th scope="col">${t('invoiceDetail.column.date')}</th>
                <th scope="col">${t('invoiceDetail.column.kind')}</th>
                <th scope="col">${t('invoiceDetail.column.reference')}</th>
                <th scope="col" class="num">${t('invoiceDetail.column.amount')}</th>
              </tr></thead>
              <tbody>${repeat(
                inv.applications,
                (a) => a.id,
                (a) => html`<tr data-kind=${a.kind}>
                  <td><time datetime=${a.appliedAt}>${date(a.appliedAt)}</time></td>
                  <th scope="row">${t(`invoiceDetail.kind.${a.kind}`)}</th>
                  <td>${a.number ?? ''}${a.number && a.description ? ' · ' : ''}${a.description ? html`<bdi>${a.description}</bdi>` : a.number ? '' : '—'}</td>
                  <td class="num amount" ?data-negative=${signed(a) < 0}>${money(signed(a), inv.currency)}</td>
                </tr>`,
              )}</tbody>
            </table></div>`
          : html`<p class="muted">${t('invoiceDetail.noApplied')}</p>`
      }
    </div>`;
  }
}
