/**
 * Stories of <portico-subscription>: the pattern of `ticket-list.stories.ts` (see its header).
 */
import { subscription } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { afterFirst, error, failOnce, never, notJson, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { settled } from '../../stories/settle.js';
import { json } from '../../testing/mock-api.js';
import './subscription.js';

type Story = StoryObj & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };
const with_ = (o: Parameters<typeof subscription>[0], hostedSessions = false) => ({
  portico: { handlers: { 'billing.subscription': json({ subscription: subscription(o), capabilities: { hostedSessions } }) } },
});

const meta = {
  title: 'Components/Subscription',
  component: 'portico-subscription',
  tags: ['autodocs'],
  render: () => html`<portico-subscription></portico-subscription>`,
} satisfies Meta;

export default meta;

// ── Playground ──────────────────────────────────────────────────────────────────────────────
export const Playground: Story = {};

// ── States ──────────────────────────────────────────────────────────────────────────────────
export const Trialing: Story = { parameters: with_({ status: 'trialing', trialEnd: '2026-10-10T09:00:00.000Z', scheduledChange: null }) };
export const PastDue: Story = { name: 'Past due', parameters: with_({ status: 'past_due', scheduledChange: null }) };
export const CancelsAtPeriodEnd: Story = {
  name: 'Cancels at period end',
  parameters: with_({ cancelAt: '2026-10-31T09:00:00.000Z', scheduledChange: null }),
};
export const Canceled: Story = { parameters: with_({ status: 'canceled', canceledAt: '2026-10-20T09:00:00.000Z', scheduledChange: null }) };
export const Yearly: Story = {
  parameters: with_({
    plan: { id: 'ent', name: 'Enterprise (yearly)', unitAmount: 52_800, currency: 'USD', interval: 'year' },
    quantity: 120,
    scheduledChange: null,
  }),
};
export const HostedPages: Story = { name: 'Provider with hosted pages', parameters: with_({}, true) };
export const None: Story = {
  name: 'No subscription',
  parameters: { portico: { handlers: { 'billing.subscription': json({ subscription: null, capabilities: { hostedSessions: false } }) } } },
};
export const ConfirmingCancel: Story = {
  parameters: { portico: { waitFor: '[part~="confirm"]' } },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('portico-subscription')!;
    await settled(el);
    el.shadowRoot!.querySelector<HTMLElement>('[part~="cancel"]')!.click();
  },
};
export const Loading: Story = { parameters: { portico: { handlers: { 'billing.subscription': never() }, waitFor: '[part~="loading"]' } } };
export const Unavailable: Story = { name: 'Error (503)', parameters: { portico: { handlers: { 'billing.subscription': unavailable() } } } };
export const Forbidden: Story = {
  name: 'Error (members may not see billing)',
  parameters: { portico: { handlers: { 'billing.subscription': error(403, 'forbidden') } } },
};
export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'billing.subscription': failOnce(unavailable()) } } },
};
export const Malformed: Story = {
  name: 'Malformed response',
  parameters: { portico: { handlers: { 'billing.subscription': notJson() } } },
};
export const Refreshing: Story = {
  parameters: { portico: { handlers: { 'billing.subscription': afterFirst(never()) }, waitFor: '[part~="content"][aria-busy="true"]' } },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('portico-subscription')!;
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
          'Status is a badge in words; a past-due subscription says why in text. Cancelling asks in a group that takes focus (“Keep subscription”); Escape goes back. Nothing changes silently: both actions are events, or the provider’s page.',
      },
    },
  },
};
