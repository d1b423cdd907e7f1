/**
 * Stories of <portico-usage>: the pattern of `ticket-list.stories.ts` (see its header).
 */
import type { Usage } from '@portico/contract';
import { usageMeter } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { afterFirst, error, failOnce, never, notJson, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { settled } from '../../stories/settle.js';
import { json } from '../../testing/mock-api.js';
import './usage.js';

type Story = StoryObj & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };
const AS_OF = '2026-10-21T09:00:00.000Z';

const meta = {
  title: 'Components/Usage',
  component: 'portico-usage',
  tags: ['autodocs'],
  render: () => html`<portico-usage></portico-usage>`,
} satisfies Meta;

export default meta;

// ── Playground ──────────────────────────────────────────────────────────────────────────────
export const Playground: Story = {};

// ── States ──────────────────────────────────────────────────────────────────────────────────
export const Limits: Story = {
  name: 'Near, over and at the limit',
  parameters: {
    portico: {
      handlers: {
        'billing.usage': json({
          asOf: AS_OF,
          data: [
            usageMeter(1, {
              name: 'Build minutes',
              unit: 'minute',
              unitLabel: null,
              used: 4_900,
              limit: 6_000,
              warningThreshold: 0.75,
              softLimit: true,
            }),
            usageMeter(2, { name: 'Text messages', unitLabel: 'messages', used: 2_300, limit: 2_000, softLimit: true }),
            usageMeter(3, { name: 'Storage', unit: 'gigabyte', unitLabel: null, used: 500, limit: 500, softLimit: false }),
            usageMeter(4, { name: 'Daily exports', unitLabel: 'exports', used: 3, limit: 10, resetInterval: 'day' }),
          ],
        } satisfies Usage),
      },
    },
  },
};

/** Twelve meters with 90 points each: what the render benchmark measures (bench/render). */
export const TwelveMeters: Story = {
  name: '12 meters × 90 points',
  parameters: {
    portico: {
      handlers: {
        'billing.usage': json({
          asOf: AS_OF,
          data: Array.from({ length: 12 }, (_, i) =>
            usageMeter(i + 1, { name: `Meter ${i + 1}`, limit: i % 4 === 3 ? null : 10_000 * (i + 1) }, 90),
          ),
        } satisfies Usage),
      },
    },
  },
};

export const TooEarly: Story = {
  name: 'Too early to project',
  parameters: {
    portico: { handlers: { 'billing.usage': json({ asOf: '2026-10-01T12:00:00.000Z', data: [usageMeter(1, { used: 120 }, 1)] }) } },
  },
};

export const Empty: Story = { parameters: { portico: { handlers: { 'billing.usage': json({ asOf: AS_OF, data: [] }) } } } };
export const Loading: Story = { parameters: { portico: { handlers: { 'billing.usage': never() }, waitFor: '[part~="loading"]' } } };
export const Unavailable: Story = { name: 'Error (503)', parameters: { portico: { handlers: { 'billing.usage': unavailable() } } } };
export const Forbidden: Story = {
  name: 'Error (members may not see billing)',
  parameters: { portico: { handlers: { 'billing.usage': error(403, 'forbidden') } } },
};
export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'billing.usage': failOnce(unavailable()) } } },
};
export const Malformed: Story = { name: 'Malformed response', parameters: { portico: { handlers: { 'billing.usage': notJson() } } } };
export const Refreshing: Story = {
  parameters: { portico: { handlers: { 'billing.usage': afterFirst(never()) }, waitFor: '[part~="content"][aria-busy="true"]' } },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('portico-usage')!;
    await settled(el);
    void el.refresh();
  },
};
export const DataTableOpen: Story = {
  name: 'Data table open',
  parameters: { portico: { waitFor: '[part~="table"]' } },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('portico-usage')!;
    await settled(el);
    el.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="data"]')!.open = true;
  },
};

// ── Accessibility ───────────────────────────────────────────────────────────────────────────
export const Accessibility: Story = {
  parameters: {
    docs: {
      description: {
        story:
          'Each meter is a list item named by its heading. Used against the limit is a `role="meter"` with a text value; near, over or at the limit is a badge in words. The chart is an image with a text summary, and its numbers are in a data table behind “Usage data” (a native disclosure, rendered when opened). The projection says when it is “as of”.',
      },
    },
  },
};
