// The benchmark page: registers the components from the sources and exposes one function per
// measurement on `window.bench`. Built by run.mjs with esbuild (`conditions: ['source']`).
import { invoiceSummary, ticket } from '../../packages/contract/src/fixtures.ts';
import type { InvoiceSummary, Ticket } from '../../packages/contract/src/index.ts';
import '../../packages/elements/src/components/invoice-table/invoice-table.ts';
import '../../packages/elements/src/components/ticket-list/ticket-list.ts';
import { slaState } from '../../packages/elements/src/components/ticket-list/ticket-list.component.ts';
import { translator } from '../../packages/elements/src/i18n/i18n.ts';
import { messageThreadScroll } from './message-thread.ts';
import { usageCards } from './usage.ts';

type Result = { ms: number; rows: number; nodes: number };

const stage = document.getElementById('stage')!;

/** Yields a macrotask without the 4 ms setTimeout clamp, letting the browser render in between. */
const tick = () =>
  new Promise<void>((resolve) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => resolve();
    c.port2.postMessage(0);
  });
async function until(cond: () => unknown, ms = 10_000): Promise<void> {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) throw new Error('timeout');
    await tick();
  }
}
const countNodes = (root: Node): number => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let n = 0;
  while (walker.nextNode()) {
    n++;
    const sr = (walker.currentNode as Element).shadowRoot;
    if (sr) n += countNodes(sr);
  }
  return n;
};

const invoiceCache = new Map<number, InvoiceSummary[]>();
const invoices = (n: number) => {
  let data = invoiceCache.get(n);
  if (!data) {
    data = Array.from({ length: n }, (_, i) => invoiceSummary(i + 1));
    invoiceCache.set(n, data);
  }
  return data;
};

// Same texts the table shows, computed before the clock starts: the baseline measures DOM creation only.
const money = new Map<string, Intl.NumberFormat>();
const fmtMoney = (minor: number, currency: string) => {
  let f = money.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en', { style: 'currency', currency });
    money.set(currency, f);
  }
  return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
};
const dates = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const invoiceTexts = (n: number) =>
  invoices(n).map((r) => [
    r.number,
    dates.format(new Date(r.issuedAt)),
    r.dueAt ? dates.format(new Date(r.dueAt)) : 'None',
    r.status === 'paid' ? 'Paid' : 'Open',
    fmtMoney(r.total, r.currency),
    'PDF',
  ]);

/** `<portico-invoice-table>` with `n` preloaded invoices: from creation to rows in the DOM, laid out. */
async function invoiceTable(n: number): Promise<Result> {
  const data = invoices(n);
  const t0 = performance.now();
  const el = document.createElement('portico-invoice-table');
  el.invoices = data;
  stage.append(el);
  await el.updateComplete;
  await until(() => el.shadowRoot!.querySelector('.body > .row'));
  void (el.shadowRoot!.querySelector('.body') as HTMLElement).offsetHeight;
  const ms = performance.now() - t0;
  const result = { ms, rows: el.shadowRoot!.querySelectorAll('.body > .row').length, nodes: countNodes(el.shadowRoot!) };
  el.remove();
  return result;
}

/** The same rows (6 cells, same texts) with document.createElement, appended and laid out. */
function vanillaInvoices(n: number): Result {
  const texts = invoiceTexts(invoices(n).length).slice(0, n);
  const t0 = performance.now();
  const table = document.createElement('div');
  table.setAttribute('role', 'table');
  const body = document.createElement('div');
  body.setAttribute('role', 'rowgroup');
  for (let i = 0; i < texts.length; i++) {
    const row = document.createElement('div');
    row.setAttribute('role', 'row');
    row.style.display = 'grid';
    row.style.gridTemplateColumns = 'repeat(6, minmax(0, 1fr))';
    for (const text of texts[i]!) {
      const cell = document.createElement('div');
      cell.setAttribute('role', 'cell');
      cell.textContent = text;
      row.append(cell);
    }
    body.append(row);
  }
  table.append(body);
  stage.append(table);
  void table.offsetHeight;
  const ms = performance.now() - t0;
  const result = { ms, rows: texts.length, nodes: countNodes(table) };
  table.remove();
  return result;
}

const ticketCache = new Map<number, Ticket[]>();
const tickets = (n: number) => {
  let data = ticketCache.get(n);
  if (!data) {
    data = Array.from({ length: n }, (_, i) => ticket(i + 1));
    ticketCache.set(n, data);
  }
  return data;
};

/** `<portico-ticket-list>` with `n` preloaded tickets (`.tickets`): from creation to rows in the DOM, laid out. */
async function ticketList(n: number): Promise<Result> {
  const data = tickets(n);
  const t0 = performance.now();
  const el = document.createElement('portico-ticket-list');
  el.tickets = data;
  el.noLive = true;
  stage.append(el);
  await el.updateComplete;
  await until(() => el.shadowRoot!.querySelectorAll('.row').length >= n);
  void el.offsetHeight;
  const ms = performance.now() - t0;
  const result = { ms, rows: el.shadowRoot!.querySelectorAll('.row').length, nodes: countNodes(el.shadowRoot!) };
  el.remove();
  return result;
}

/** The ticket list's stylesheets (tokens, reset, states, its own), as Lit adopts them. */
const listSheets = () =>
  (customElements.get('portico-ticket-list') as unknown as { elementStyles: Array<{ styleSheet: CSSStyleSheet }> }).elementStyles.map(
    (s) => s.styleSheet,
  );

const STATUS_TONE: Record<string, string> = { open: 'primary', pending: 'warning', on_hold: 'muted', solved: 'success', closed: 'muted' };
const PRIORITY_TONE: Record<string, string> = { low: 'muted', normal: 'muted', high: 'warning', urgent: 'danger' };
const el = (tag: string, attrs: Record<string, string>, ...children: Array<Node | string>) => {
  const e = document.createElement(tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]!);
  e.append(...children);
  return e;
};
const badge = (part: string, tone: string, data: [string, string], label: string | null, text: string) =>
  el(
    'span',
    { part: `badge ${part}`, class: 'badge', 'data-tone': tone, [`data-${data[0]}`]: data[1] },
    ...(label ? [el('span', { class: 'visually-hidden' }, `${label}:`), ' '] : []),
    text,
  );

/**
 * The same rows as the component's (same elements, attributes, parts, texts and SLA badges),
 * with document.createElement, texts formatted inside the clock with the same translator (Intl
 * plural rules and relative times), appended to a list and laid out.
 */
function vanillaTickets(n: number): Result {
  const data = tickets(n);
  const t0 = performance.now();
  const { t, relativeTime } = translator('en');
  const now = Date.now();
  // In a shadow root with the component's own stylesheets, so both sides pay the same style and layout.
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = listSheets();
  const ul = el('ul', { part: 'list', class: 'list', role: 'list', 'aria-label': t('ticketList.label') });
  data.forEach((ticket, i) => {
    const sla = slaState(ticket, now, 4);
    const badges = el(
      'span',
      { class: 'badges' },
      badge('status', STATUS_TONE[ticket.status]!, ['status', ticket.status], t('ticket.statusLabel'), t(`ticket.status.${ticket.status}`)),
      badge(
        'priority',
        PRIORITY_TONE[ticket.priority]!,
        ['priority', ticket.priority],
        t('ticket.priorityLabel'),
        t(`ticket.priority.${ticket.priority}`),
      ),
    );
    if (sla?.kind === 'breached') badges.append(badge('sla', 'danger', ['sla', 'breached'], null, t('ticket.sla.breached')));
    else if (sla?.kind === 'due-soon')
      badges.append(badge('sla', 'warning', ['sla', 'due-soon'], null, t('ticket.sla.dueSoon', { time: relativeTime(sla.dueAt) })));
    const meta = [
      ticket.assigneeName ? t('ticket.assignee', { name: ticket.assigneeName }) : t('ticket.unassigned'),
      t('ticket.messages', { count: ticket.messageCount }),
      t('ticket.updated', { time: relativeTime(ticket.updatedAt) }),
    ].join(' · ');
    const button = el(
      'button',
      { part: 'row', class: 'row', type: 'button', 'data-id': ticket.id, tabindex: i === 0 ? '0' : '-1' },
      el('span', { part: 'number', class: 'number' }, t('ticket.numberShort', { number: String(ticket.number) })),
      el('span', { part: 'subject', class: 'subject' }, ticket.subject),
      badges,
      el('span', { part: 'meta', class: 'meta' }, meta),
    );
    button.addEventListener('click', () => undefined);
    button.addEventListener('focus', () => undefined);
    ul.append(el('li', { class: 'item' }, button));
  });
  root.append(el('div', { part: 'base', class: 'base' }, el('div', { part: 'content', class: 'content' }, ul)));
  stage.append(host);
  void host.offsetHeight;
  const ms = performance.now() - t0;
  const result = { ms, rows: n, nodes: countNodes(root) };
  host.remove();
  return result;
}

/** Lets pending frames, observers and timers of the previous run finish. */
const settle = async () => {
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  await new Promise((r) => setTimeout(r, 20));
};

Object.assign(window, {
  bench: { invoiceTable, vanillaInvoices, ticketList, vanillaTickets, usageCards, messageThreadScroll, settle, ready: true },
});
