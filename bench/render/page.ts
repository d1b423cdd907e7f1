// The benchmark page: registers the components from the sources and exposes one function per
// measurement on `window.bench`. Built by run.mjs with esbuild (`conditions: ['source']`).
import { invoiceSummary, ticket } from '../../packages/contract/src/fixtures.ts';
import type { InvoiceSummary } from '../../packages/contract/src/index.ts';
import '../../packages/elements/src/components/invoice-table/invoice-table.ts';
import '../../packages/elements/src/components/ticket-list/ticket-list.ts';
import { createMockClient } from '../../packages/elements/src/testing/test-client.ts';

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

/** `<portico-ticket-list>` has no property for preloaded rows: connect → rows, on a zero-latency mock client. */
async function ticketList(n: number): Promise<Result> {
  const { client } = createMockClient({ tickets: n });
  const t0 = performance.now();
  const el = document.createElement('portico-ticket-list');
  el.client = client;
  el.pageSize = n;
  el.noLive = true;
  stage.append(el);
  await until(() => el.shadowRoot!.querySelectorAll('.row').length >= n);
  void el.offsetHeight;
  const ms = performance.now() - t0;
  const result = { ms, rows: el.shadowRoot!.querySelectorAll('.row').length, nodes: countNodes(el.shadowRoot!) };
  el.remove();
  return result;
}

const ticketTextCache = new Map<number, string[][]>();
function vanillaTickets(n: number): Result {
  let texts = ticketTextCache.get(n);
  if (!texts) {
    texts = Array.from({ length: n }, (_, i) => {
      const t = ticket(i + 1);
      return [`#${t.number}`, t.subject, `Status: ${t.status}`, `Priority: ${t.priority}`, 'Unassigned · 2 messages · Updated 1 hour ago'];
    });
    ticketTextCache.set(n, texts);
  }
  const t0 = performance.now();
  const ul = document.createElement('ul');
  for (const [number, subject, status, priority, meta] of texts) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    const spans = [number, subject].map((text) => {
      const s = document.createElement('span');
      s.textContent = text!;
      return s;
    });
    const badges = document.createElement('span');
    for (const text of [status, priority]) {
      const b = document.createElement('span');
      b.textContent = text!;
      badges.append(b);
    }
    const m = document.createElement('span');
    m.textContent = meta!;
    button.append(...spans, badges, m);
    li.append(button);
    ul.append(li);
  }
  stage.append(ul);
  void ul.offsetHeight;
  const ms = performance.now() - t0;
  const result = { ms, rows: n, nodes: countNodes(ul) };
  ul.remove();
  return result;
}

/** Lets pending frames, observers and timers of the previous run finish. */
const settle = async () => {
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  await new Promise((r) => setTimeout(r, 20));
};

Object.assign(window, { bench: { invoiceTable, vanillaInvoices, ticketList, vanillaTickets, settle, ready: true } });
