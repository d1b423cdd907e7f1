/**
 * Stories of <portico-ticket-detail> (pattern: `ticket-list.stories.ts`). Data: the mock API's
 * ticket `tkt_1` and its four messages; a story changes them with `parameters.portico`.
 */
import { ticketMessage } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { empty, failOnce, malformed, never, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { settled } from '../../stories/settle.js';
import { json } from '../../testing/mock-api.js';
import type { PorticoTicketDetail } from './ticket-detail.component.js';
import './ticket-detail.js';

type Args = Partial<Pick<PorticoTicketDetail, 'ticketId' | 'noReply' | 'noActions' | 'noLive' | 'slaWarningHours'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const detail = (canvas: HTMLElement) => canvas.querySelector('portico-ticket-detail')!;

/** Types a reply and sends it (for the sending / failed stories). */
async function reply(canvas: HTMLElement, text: string) {
  const el = detail(canvas);
  await settled(el);
  const area = el.shadowRoot!.querySelector('textarea')!;
  area.value = text;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete;
  void el.send();
}

const meta = {
  title: 'Components/Ticket detail',
  component: 'portico-ticket-detail',
  tags: ['autodocs'],
  args: { ticketId: 'tkt_1' },
  render: (args) => html`<portico-ticket-detail ${props(args)}></portico-ticket-detail>`,
  parameters: {
    docs: {
      description: {
        component: 'Mock data: ticket `tkt_1` with four messages (`src/testing/mock-api.ts`). Switch theme and language in the toolbar.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;

// ── Playground ──────────────────────────────────────────────────────────────────────────────
export const Playground: Story = {
  args: { ticketId: 'tkt_1', noReply: false, noActions: false, slaWarningHours: 4 },
};

// ── States ──────────────────────────────────────────────────────────────────────────────────
export const Loading: Story = {
  parameters: {
    portico: { handlers: { 'tickets.get': never() }, waitFor: '[part~="loading"]' },
    docs: { description: { story: 'The ticket never arrives: a skeleton and a `role="status"` "Loading…".' } },
  },
};

export const Slow: Story = {
  parameters: {
    portico: { handlers: { 'tickets.get': slow(1500), 'tickets.messages': slow(1500), 'tickets.reply': slow(1500) } },
    docs: { description: { story: 'Every answer takes 1.5 s: send a reply to see it pending ("Sending…").' } },
  },
};

export const EmptyThread: Story = {
  name: 'Empty thread',
  parameters: { portico: { handlers: { 'tickets.messages': empty() } } },
};

export const NotFound: Story = {
  name: 'Not found (404)',
  args: { ticketId: 'tkt_404' },
  parameters: { portico: { waitFor: '[part~="not-found"]' } },
};

export const Unavailable: Story = {
  name: 'Error (503)',
  parameters: { portico: { handlers: { 'tickets.get': unavailable() } } },
};

export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'tickets.messages': failOnce(unavailable()) } } },
};

export const Malformed: Story = {
  name: 'Malformed response',
  parameters: { portico: { handlers: { 'tickets.messages': malformed() } } },
};

export const Closed: Story = {
  name: 'Closed ticket',
  parameters: {
    portico: { setup: (api) => void Object.assign(api.data.tickets[0]!, { status: 'closed' }) },
    docs: { description: { story: 'No composer; Reopen is offered.' } },
  },
};

export const Sending: Story = {
  name: 'Reply sending',
  parameters: {
    portico: { handlers: { 'tickets.reply': never() }, waitFor: '[data-pending]' },
    docs: { description: { story: 'The reply shows at once, marked "Sending…"; Send is disabled and `aria-busy`.' } },
  },
  play: ({ canvasElement }) => reply(canvasElement, 'Here is the log you asked for.'),
};

export const ReplyFailed: Story = {
  name: 'Reply failed',
  parameters: {
    portico: { handlers: { 'tickets.reply': unavailable() }, waitFor: '[part~="reply-error"]' },
    docs: { description: { story: 'Rolled back: the text is back in the composer; "Try again" reuses the idempotency key.' } },
  },
  play: ({ canvasElement }) => reply(canvasElement, 'Here is the log you asked for.'),
};

export const HostileContent: Story = {
  name: 'Hostile message bodies',
  parameters: {
    portico: {
      handlers: {
        'tickets.messages': json({
          data: [
            ticketMessage(1, { bodyFormat: 'markdown', body: 'An image <img src=x onerror=alert(1)> and a [link](javascript:alert(1)).' }),
            ticketMessage(2, { bodyFormat: 'text', body: '<b>Plain text stays text</b>' }),
          ],
          nextCursor: null,
        }),
      },
    },
    docs: { description: { story: 'Markdown is sanitized (no handlers, no `javascript:` links); text bodies are never parsed as HTML.' } },
  },
};

// ── Accessibility ───────────────────────────────────────────────────────────────────────────
export const Accessibility: Story = {
  parameters: {
    docs: {
      description: {
        story: [
          '- The subject is a heading; the thread is a labelled list; each message names its author and time.',
          '- The reply field has a visible label and a hint (Ctrl+Enter sends); an empty reply is flagged with `aria-invalid` + `aria-describedby` and focused.',
          '- Sending: the pending message is marked "Sending…", Send is disabled with `aria-busy`; "Reply sent." is announced in a polite live region; a failure is a `role="alert"` with Try again.',
          '- Attachment chips have labelled remove buttons; focus moves to the next chip after removal.',
          '- Close / Reopen / Escalate are a labelled group; focus stays in it when a button is replaced.',
          '- Logical properties only (right-to-left mirrors); `forced-colors` supported.',
        ].join('\n'),
      },
    },
  },
};

export const DarkRtl: Story = {
  name: 'Dark, right-to-left',
  globals: { theme: 'dark', locale: 'ar' },
};
