/**
 * Stories of <portico-invoice-detail>: the pattern of `ticket-list.stories.ts` (see its header).
 */
import { invoiceDetail } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { afterFirst, error, failOnce, never, notJson, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { settled } from '../../stories/settle.js';
import { json } from '../../testing/mock-api.js';
import type { PorticoInvoiceDetail } from './invoice-detail.component.js';
import './invoice-detail.js';

type Args = Partial<Pick<PorticoInvoiceDetail, 'invoiceId' | 'headingLevel'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const meta = {
  title: 'Components/Invoice detail',
  component: 'portico-invoice-detail',
  tags: ['autodocs'],
  args: { invoiceId: 'inv_1' },
  render: (args) => html`<portico-invoice-detail ${props(args)}></portico-invoice-detail>`,
} satisfies Meta<Args>;

export default meta;

// ── Playground ──────────────────────────────────────────────────────────────────────────────
export const Playground: Story = { args: { invoiceId: 'inv_1', headingLevel: 2 } };

// ── States ──────────────────────────────────────────────────────────────────────────────────
export const Loading: Story = { parameters: { portico: { handlers: { 'billing.invoice': never() }, waitFor: '[part~="loading"]' } } };

export const Paid: Story = {
  name: 'Paid, nothing due',
  parameters: {
    portico: {
      handlers: {
        'billing.invoice': json(
          invoiceDetail(2, {
            status: 'paid',
            amountPaid: 62570,
            amountCredited: 0,
            amountRefunded: 0,
            amountDue: 0,
            paidAt: '2026-10-05T09:00:00.000Z',
            applications: [
              {
                id: 'iap_1',
                kind: 'payment',
                number: 'RCPT-1',
                amount: 62570,
                description: 'Visa •••• 4242',
                appliedAt: '2026-10-05T09:00:00.000Z',
              },
            ],
          }),
        ),
      },
    },
  },
};

export const Overdue: Story = {
  parameters: {
    portico: {
      handlers: {
        'billing.invoice': json(
          invoiceDetail(3, { overdue: true, applications: [], amountPaid: 0, amountCredited: 0, amountRefunded: 0, amountDue: 62570 }),
        ),
      },
    },
  },
};

export const CreditNote: Story = {
  name: 'Credit (negative total)',
  parameters: {
    portico: {
      handlers: {
        'billing.invoice': json(
          invoiceDetail(4, {
            lines: [
              {
                id: 'l1',
                description: 'Refund of unused seats',
                quantity: -3,
                unitAmount: 4900,
                discountAmount: 0,
                taxRate: 19,
                taxAmount: -2793,
                amount: -14700,
                periodStart: null,
                periodEnd: null,
              },
            ],
            subtotal: -14700,
            discount: 0,
            tax: -2793,
            total: -17493,
            amountPaid: 0,
            amountCredited: 0,
            amountRefunded: 0,
            amountDue: 0,
            applications: [],
            payUrl: null,
          }),
        ),
      },
    },
  },
};

export const Unavailable: Story = { name: 'Error (503)', parameters: { portico: { handlers: { 'billing.invoice': unavailable() } } } };

export const NotFound: Story = {
  name: 'Error (not found)',
  parameters: { portico: { handlers: { 'billing.invoice': error(404, 'not_found') } } },
};

export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'billing.invoice': failOnce(unavailable()) } } },
};

export const Malformed: Story = { name: 'Malformed response', parameters: { portico: { handlers: { 'billing.invoice': notJson() } } } };

export const Refreshing: Story = {
  parameters: { portico: { handlers: { 'billing.invoice': afterFirst(never()) }, waitFor: '[part~="content"][aria-busy="true"]' } },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('portico-invoice-detail')!;
    await settled(el);
    void el.refresh();
  },
};

// ── Accessibility ───────────────────────────────────────────────────────────────────────────
export const Accessibility: Story = {
  parameters: {
    docs: {
      description: {
        story:
          'The heading level is set with `heading-level`; sections are one level below. Line items and payments are real tables with column and row headers; on a narrow screen each table scrolls in a focusable region named by its heading. Credits carry a minus sign and the word “Credit”, not colour alone.',
      },
    },
  },
};
