/**
 * Stories of <portico-invoice-table>: the pattern of `ticket-list.stories.ts` (see its header).
 */
import { invoiceSummary } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { afterFirst, empty, error, failOnce, malformed, never, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { settled } from '../../stories/settle.js';
import type { PorticoInvoiceTable } from './invoice-table.component.js';
import './invoice-table.js';

type Args = Partial<Pick<PorticoInvoiceTable, 'filter' | 'sort' | 'pageSize' | 'selected' | 'hideFilter' | 'hideTotals'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const table = (canvas: HTMLElement) => canvas.querySelector('portico-invoice-table')!;

const meta = {
  title: 'Components/Invoice table',
  component: 'portico-invoice-table',
  tags: ['autodocs'],
  render: (args) => html`<portico-invoice-table ${props(args)}></portico-invoice-table>`,
  argTypes: {
    filter: { control: 'select', options: ['', 'overdue', 'open', 'paid', 'draft', 'void', 'uncollectible'] },
    sort: { control: 'select', options: ['-issued_at', 'issued_at', '-due_at', 'due_at', '-total', 'total'] },
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
  },
} satisfies Meta<Args>;

export default meta;

// ── Playground ──────────────────────────────────────────────────────────────────────────────
export const Playground: Story = { args: { filter: '', sort: '-issued_at', pageSize: 50 } };

// ── States ──────────────────────────────────────────────────────────────────────────────────
export const Loading: Story = {
  parameters: { portico: { handlers: { 'invoices.list': never() }, waitFor: '[part~="loading"]' } },
};

export const Slow: Story = { parameters: { portico: { handlers: { 'invoices.list': slow(1500) } } } };

export const Empty: Story = {
  parameters: {
    portico: { handlers: { 'invoices.list': empty(), 'invoices.totals': { status: 200, body: { data: [] } } } },
    docs: { description: { story: 'No invoices: the `empty` slot with its default text.' } },
  },
};

export const Unavailable: Story = {
  name: 'Error (503)',
  parameters: { portico: { handlers: { 'invoices.list': unavailable() } } },
};

export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'invoices.list': failOnce(unavailable()) } } },
};

export const Forbidden: Story = {
  name: 'Error (members may not see billing)',
  parameters: { portico: { handlers: { 'invoices.list': error(403, 'forbidden'), 'invoices.totals': error(403, 'forbidden') } } },
};

export const Malformed: Story = {
  name: 'Malformed response',
  parameters: { portico: { handlers: { 'invoices.list': malformed() } } },
};

export const Refreshing: Story = {
  parameters: { portico: { handlers: { 'invoices.list': afterFirst(never()) }, waitFor: '[part~="content"][aria-busy="true"]' } },
  play: async ({ canvasElement }) => {
    const el = table(canvasElement);
    await settled(el);
    void el.refresh();
  },
};

export const Overdue: Story = { name: 'Filtered: overdue', args: { filter: 'overdue' } };

export const SortedByAmount: Story = { name: 'Sorted by amount', args: { sort: '-total' } };

/** 100,000 invoices given as a property: the rows are virtualized, so the page stays light. */
export const HundredThousand: Story = {
  name: '100,000 invoices (virtualized)',
  render: (args) => {
    const invoices = Array.from({ length: 100_000 }, (_, i) => invoiceSummary(i + 1));
    return html`<portico-invoice-table ${props(args)} .invoices=${invoices}></portico-invoice-table>`;
  },
};

// ── Accessibility ───────────────────────────────────────────────────────────────────────────
export const Accessibility: Story = {
  parameters: {
    docs: {
      description: {
        story:
          'An ARIA table with `aria-rowcount`/`aria-rowindex` (virtualization removes rows from the DOM); sortable column headers carry `aria-sort`. The rows are one tab stop: arrows, Page Up/Down, Home and End move; Enter or Space selects; Tab reaches a row’s download and pay links. Overdue is said in text, not colour alone.',
      },
    },
  },
};
