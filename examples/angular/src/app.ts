import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { InvoiceSummary as Invoice, Ticket } from '@portico/contract';
import type { PorticoEvent, PorticoTicketSelectEvent } from '@portico/elements';

/** Where the Portico API runs (a <meta> of index.html). */
const baseUrl = document.querySelector<HTMLMetaElement>('meta[name="portico-base-url"]')?.content ?? '';

/** A portal token for the signed-in user, from the host's own backend (which holds the secret). */
async function getToken(): Promise<string> {
  const response = await fetch('/api/portal-token?user=alice', { method: 'POST' });
  if (!response.ok) throw new Error(`portal token: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

const invoice = (n: number, status: Invoice['status'], total: number): Invoice => ({
  id: `inv_pinned_${n}`,
  number: `PINNED-${n}`,
  status,
  currency: 'EUR',
  subtotal: total,
  tax: 0,
  total,
  amountPaid: status === 'paid' ? total : 0,
  amountDue: status === 'paid' ? 0 : total,
  issuedAt: `2025-03-0${n}T00:00:00.000Z`,
  dueAt: null,
  paidAt: null,
  overdue: false,
  pdfUrl: null,
  payUrl: null,
});

const ticket = (n: number, subject: string, status: Ticket['status']): Ticket => ({
  id: `tkt_host_${n}`,
  number: 9000 + n,
  subject,
  status,
  priority: 'normal',
  requester: { id: 'alice', name: 'Alice Anders' },
  assigneeName: null,
  tags: [],
  escalated: false,
  messageCount: 1,
  createdAt: `2025-04-0${n}T09:00:00.000Z`,
  updatedAt: `2025-04-0${n}T09:00:00.000Z`,
  sla: { firstResponseDueAt: null, firstRespondedAt: null, resolutionDueAt: null, breached: false },
});

/**
 * The portal page. `CUSTOM_ELEMENTS_SCHEMA` lets the template use tags Angular does not know
 * (`portico-*`) and bind any property on them; `[prop]` sets a DOM property, `[attr.name]` an
 * attribute, `(portico-…)` listens for the element's DOM event. Angular's strict template checker
 * types `$event` from the global event map the Portico modules declare, so the handlers below take
 * the events' own types (test/template-types.mjs proves a wrong type fails the build).
 */
@Component({
  selector: 'acme-portal',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <portico-provider [attr.base-url]="baseUrl" [getToken]="getToken">
      <h1>Acme customer portal</h1>

      <section aria-labelledby="support" (portico-ticket-select)="onBubbled($event)">
        <h2 id="support">Support</h2>
        <div class="controls">
          <label>
            Status
            <select data-test="status" (change)="status.set($any($event.target).value)">
              <option value="">Any</option>
              <option value="open">Open</option>
              <option value="solved">Solved</option>
            </select>
          </label>
          <label>
            <input type="checkbox" data-test="hide-filters" [checked]="hideFilters()" (change)="hideFilters.set($any($event.target).checked)" />
            Hide the list's own filters
          </label>
        </div>
        <div class="columns">
          <!-- A boolean attribute: '' adds it, null removes it. A string property: [status]. -->
          <portico-ticket-list
            id="live"
            page-size="5"
            [status]="status()"
            [attr.hide-filters]="hideFilters() ? '' : null"
            (portico-ticket-select)="onTicketSelect($event)"
          ></portico-ticket-list>
          @if (selected(); as t) {
            <div>
              <p data-test="selected">Selected #{{ t.number }}: {{ t.subject }}</p>
              <portico-ticket-detail [attr.ticket-id]="t.id" no-reply no-live></portico-ticket-detail>
            </div>
          }
        </div>
        @if (lastEvent(); as e) {
          <pre data-test="last-event">{{ e }}</pre>
        }
        <h3>Tickets from the host's own system</h3>
        <!-- Rich data as a property: the list shows these and requests nothing. -->
        <portico-ticket-list id="host-tickets" hide-filters [tickets]="hostTickets"></portico-ticket-list>
      </section>

      <section aria-labelledby="help">
        <h2 id="help">Help center</h2>
        <portico-kb-search popular placeholder="Search the help center" (portico-article-open)="onArticleOpen($event)"></portico-kb-search>
        @if (openedArticle()) {
          <p data-test="article">Opened: {{ openedArticle() }}</p>
        }
      </section>

      <section aria-labelledby="billing">
        <h2 id="billing">Billing</h2>
        <portico-invoice-table page-size="5" hide-totals></portico-invoice-table>
        <h3>Pinned invoices</h3>
        <!-- Defined only after this renders (main.ts): the property waits on the element and is kept. -->
        <portico-invoice-table id="pinned" hide-totals hide-filter [invoices]="pinned"></portico-invoice-table>
      </section>
    </portico-provider>
  `,
})
export class PortalComponent {
  readonly baseUrl = baseUrl;
  readonly getToken = getToken;
  readonly status = signal('');
  readonly hideFilters = signal(true);
  readonly selected = signal<Ticket | null>(null);
  readonly lastEvent = signal('');
  readonly openedArticle = signal('');
  /** Plain arrays: the elements get them as they are. */
  readonly pinned: Invoice[] = [invoice(1, 'open', 12000), invoice(2, 'paid', 4500)];
  readonly hostTickets: Ticket[] = [ticket(1, 'Invoice address change', 'open'), ticket(2, 'VPN access for the new office', 'pending')];

  onTicketSelect(event: PorticoTicketSelectEvent): void {
    this.selected.set(event.detail.ticket);
  }

  /** Portico events bubble and are composed: this one listens on the <section>, not on the list. */
  onBubbled(event: PorticoTicketSelectEvent): void {
    this.lastEvent.set(
      JSON.stringify({
        type: event.type,
        bubbles: event.bubbles,
        composed: event.composed,
        cancelable: event.cancelable,
        target: (event.target as Element).localName,
        ticket: event.detail.ticket.id,
      }),
    );
  }

  onArticleOpen(event: PorticoEvent<'portico-article-open'>): void {
    this.openedArticle.set(event.detail.slug);
  }
}
