/**
 * Stories of <portico-payment-methods>: the pattern of `ticket-list.stories.ts` (see its header).
 * The mock API keeps the methods between requests, so removing, the default and auto-pay work.
 */
import { paymentMethod, paymentMethods } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { afterFirst, error, failOnce, never, notJson, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { settled } from '../../stories/settle.js';
import { json } from '../../testing/mock-api.js';
import './payment-methods.js';

type Story = StoryObj & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const meta = {
  title: 'Components/Payment methods',
  component: 'portico-payment-methods',
  tags: ['autodocs'],
  render: () => html`<portico-payment-methods></portico-payment-methods>`,
} satisfies Meta;

export default meta;

// ── Playground ──────────────────────────────────────────────────────────────────────────────
export const Playground: Story = {};

// ── States ──────────────────────────────────────────────────────────────────────────────────
export const Loading: Story = {
  parameters: { portico: { handlers: { 'billing.paymentMethods': never() }, waitFor: '[part~="loading"]' } },
};

export const Empty: Story = {
  parameters: { portico: { handlers: { 'billing.paymentMethods': json(paymentMethods({ data: [], autoPay: false })) } } },
};

export const OnlyMethodWithAutoPay: Story = {
  name: 'Only method, auto-pay on (cannot be removed)',
  parameters: { portico: { handlers: { 'billing.paymentMethods': json(paymentMethods({ data: [paymentMethod(1)], autoPay: true })) } } },
};

export const HostedPages: Story = {
  name: 'Provider with hosted pages',
  parameters: {
    portico: {
      handlers: {
        'billing.paymentMethods': json(
          paymentMethods({ capabilities: { remove: true, setDefault: true, autoPay: true, hostedSessions: true } }),
        ),
      },
    },
    docs: {
      description: {
        story:
          '“Add payment method” and “Update” open a one-time link the server makes (`POST /billing/sessions`) unless the host cancels the event.',
      },
    },
  },
};

export const ConfirmingRemoval: Story = {
  parameters: {
    portico: { handlers: { 'billing.paymentMethods': json(paymentMethods({ autoPay: false })) }, waitFor: '[part~="confirm"]' },
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('portico-payment-methods')!;
    await settled(el);
    el.shadowRoot!.querySelector<HTMLElement>('[data-id="pm_3"] [part~="remove"]')!.click();
  },
};

export const Unavailable: Story = {
  name: 'Error (503)',
  parameters: { portico: { handlers: { 'billing.paymentMethods': unavailable() } } },
};

export const Forbidden: Story = {
  name: 'Error (members may not see billing)',
  parameters: { portico: { handlers: { 'billing.paymentMethods': error(403, 'forbidden') } } },
};

export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'billing.paymentMethods': failOnce(unavailable()) } } },
};

export const Malformed: Story = {
  name: 'Malformed response',
  parameters: { portico: { handlers: { 'billing.paymentMethods': notJson() } } },
};

export const Refreshing: Story = {
  parameters: { portico: { handlers: { 'billing.paymentMethods': afterFirst(never()) }, waitFor: '[part~="content"][aria-busy="true"]' } },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('portico-payment-methods')!;
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
          'A list of methods; expired, expiring and default are badges in words. Removing asks in a group that takes focus (“Keep it”); Escape goes back to the Remove button. A Remove that is not possible stays focusable with `aria-disabled` and says why. Auto-pay is a switch. What changed is announced in a polite status region.',
      },
    },
  },
};
