// What a host app has anyway: where the Portico API runs, a way to get a short-lived portal
// token from its own backend, and (here) some data of its own to hand to a component.
import type { InvoiceSummary } from '@portico/contract';

/** The Portico API's origin; the page's `<meta name="portico-base-url">` (the example's server writes it in). */
export const baseUrl = document.querySelector<HTMLMetaElement>('meta[name="portico-base-url"]')?.content ?? '';

/** A portal token minted by the host's backend, which holds the secret: the browser never sees it. */
export async function getToken(): Promise<string> {
  const response = await fetch('/api/portal-token?user=alice', { method: 'POST' });
  if (!response.ok) throw new Error(`portal token: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Invoices the host already has: `<portico-invoice-table>` shows them instead of loading its own. */
export const hostInvoices: readonly InvoiceSummary[] = [
  invoice('inv_host_1', 'HOST-0001', 'open', 12_900, '2025-03-01T09:00:00.000Z'),
  invoice('inv_host_2', 'HOST-0002', 'paid', 4_500, '2025-02-01T09:00:00.000Z'),
];

function invoice(id: string, number: string, status: 'open' | 'paid', total: number, issuedAt: string): InvoiceSummary {
  const paid = status === 'paid';
  return {
    id,
    number,
    status,
    currency: 'EUR',
    subtotal: total,
    tax: 0,
    total,
    amountPaid: paid ? total : 0,
    amountDue: paid ? 0 : total,
    issuedAt,
    dueAt: null,
    paidAt: paid ? issuedAt : null,
    overdue: false,
    pdfUrl: null,
    payUrl: null,
  };
}

/**
 * What the end-to-end test reads besides the DOM: the exact function and array the app passed
 * (to tell a property from a stringified attribute), the React version the bundle runs, whether
 * the lazily registered elements were in the page before their definition, and the events the
 * app's handlers received.
 */
export interface ExampleProbe {
  getToken: typeof getToken;
  invoices: typeof hostInvoices;
  react: string;
  beforeDefinition: Record<string, { inPage: boolean; defined: boolean }>;
  events: Array<{ type: string; ticketId: string; isCustomEvent: boolean; via: string }>;
}
declare global {
  interface Window {
    porticoExample: ExampleProbe;
  }
}

export function probe(react: string): ExampleProbe {
  window.porticoExample = { getToken, invoices: hostInvoices, react, beforeDefinition: {}, events: [] };
  return window.porticoExample;
}

/** Notes, for each tag, whether it is already in the page and whether it is defined yet. */
export function noteDefinitions(tags: string[]): void {
  for (const tag of tags) {
    window.porticoExample.beforeDefinition[tag] = {
      inPage: document.querySelector(tag) !== null,
      defined: customElements.get(tag) !== undefined,
    };
  }
}

/** Records an event a React handler received. */
export function noteEvent(event: CustomEvent<{ ticket: { id: string } }>, via: string): void {
  window.porticoExample.events.push({
    type: event.type,
    ticketId: event.detail.ticket.id,
    isCustomEvent: event instanceof CustomEvent,
    via,
  });
}
