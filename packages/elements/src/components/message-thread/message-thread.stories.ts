/**
 * Stories of <portico-message-thread> (pattern: `ticket-detail.stories.ts`). Data: the mock API's
 * project `prj_1` with twelve messages, read up to the ninth (`src/testing/mock-messages.ts`); a
 * story changes them with `parameters.portico`.
 */
import { projectMessage } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { empty, failOnce, malformed, never, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { settled } from '../../stories/settle.js';
import { json, problem } from '../../testing/mock-api.js';
import { messagesHandlers, mockProjectMessages } from '../../testing/mock-messages.js';
import type { PorticoMessageThread } from './message-thread.component.js';
import './message-thread.js';

type Args = Partial<Pick<PorticoMessageThread, 'projectId' | 'noReply' | 'noLive'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const thread = (canvas: HTMLElement) => canvas.querySelector('portico-message-thread')!;

/** Handlers of a conversation of `count` messages read up to `marker`. */
function conversation(count: number, marker: string | null) {
  const m = messagesHandlers(json, problem);
  m.state.byProject.set('prj_1', mockProjectMessages(count));
  if (marker) m.state.marker.set('prj_1', marker);
  else m.state.marker.delete('prj_1');
  return m.handlers;
}

/** Types a message and sends it (for the sending / failed stories). */
async function write(canvas: HTMLElement, text: string) {
  const el = thread(canvas);
  await settled(el);
  const area = el.shadowRoot!.querySelector('textarea')!;
  area.value = text;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete;
  void el.send();
}

const meta = {
  title: 'Components/Message thread',
  component: 'portico-message-thread',
  tags: ['autodocs'],
  args: { projectId: 'prj_1' },
  render: (args) => html`<portico-message-thread ${props(args)}></portico-message-thread>`,
  parameters: {
    docs: {
      description: {
        component:
          'Mock data: project `prj_1`, twelve messages, the last three unread (`src/testing/mock-messages.ts`). Switch theme and language in the toolbar.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;

// ── Playground ──────────────────────────────────────────────────────────────────────────────
export const Playground: Story = { args: { projectId: 'prj_1', noReply: false, noLive: false } };

// ── States ──────────────────────────────────────────────────────────────────────────────────
export const Loading: Story = {
  parameters: { portico: { handlers: { 'messages.list': never() }, waitFor: '[part~="loading"]' } },
};
export const Slow: Story = { parameters: { portico: { handlers: { 'messages.list': slow(1500) } } } };
export const Empty: Story = { parameters: { portico: { handlers: { 'messages.list': empty() } } } };
export const AllRead: Story = {
  name: 'All read (opens at the newest)',
  parameters: { portico: { handlers: conversation(12, 'pmsg_00012') } },
};
export const Unread: Story = {
  name: 'Unread: "New messages" divider and the jump button',
  parameters: { portico: { handlers: conversation(60, 'pmsg_00020') } },
};
export const LongHistory: Story = {
  name: 'Long history (5,000 messages, paged as you scroll up)',
  parameters: { portico: { handlers: conversation(5000, 'pmsg_05000') } },
};
export const NotFound: Story = {
  name: 'Error (404)',
  parameters: { portico: { handlers: { 'messages.list': problem(404, 'not_found') }, waitFor: '[part~="not-found"]' } },
};
export const Unavailable: Story = { name: 'Error (503)', parameters: { portico: { handlers: { 'messages.list': unavailable() } } } };
export const ErrorThenRetry: Story = {
  name: 'Error, then Retry works',
  parameters: { portico: { handlers: { 'messages.list': failOnce(unavailable()) } } },
};
export const Malformed: Story = { name: 'Malformed data', parameters: { portico: { handlers: { 'messages.list': malformed() } } } };
export const EarlierFailed: Story = {
  name: 'Earlier messages failed to load',
  parameters: {
    portico: {
      handlers: {
        'messages.list': (req) => (req.query.cursor ? problem(503, 'unavailable') : conversation(120, 'pmsg_00120')['messages.list']!(req)),
        'messages.readState': conversation(120, 'pmsg_00120')['messages.readState']!,
      },
    },
  },
  play: async ({ canvasElement }) => {
    const el = thread(canvasElement);
    await settled(el);
    await el.loadEarlier();
  },
};
export const Sending: Story = {
  parameters: { portico: { handlers: { 'messages.create': never() }, waitFor: '[part~="pending"]' } },
  play: ({ canvasElement }) => write(canvasElement, 'Here are the **final** screenshots.'),
};
export const NotSent: Story = {
  name: 'Not sent (Try again / Edit)',
  parameters: { portico: { handlers: { 'messages.create': unavailable() }, waitFor: '[part~="failed"]' } },
  play: ({ canvasElement }) => write(canvasElement, 'Here are the **final** screenshots.'),
};
export const ReadOnly: Story = { name: 'Read-only (no-reply)', args: { noReply: true } };
export const HostileContent: Story = {
  name: 'Hostile content (sanitized)',
  parameters: {
    portico: {
      handlers: {
        'messages.list': json({
          data: [
            projectMessage(1, { body: '<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1))' }),
            projectMessage(2, {
              author: { kind: 'agent', id: 'agt_x', name: '\u202Egnp.exe' },
              body: '<script>alert(1)</script>',
              bodyFormat: 'text',
            }),
          ],
          nextCursor: null,
        }),
      },
    },
  },
};

// ── Appearance ──────────────────────────────────────────────────────────────────────────────
export const Card: Story = { args: { surface: 'card' } as Args };
export const DarkRtl: Story = { name: 'Dark, right-to-left', globals: { theme: 'dark', locale: 'ar' } };
export const German: Story = { name: 'German', globals: { locale: 'de' } };
export const Narrow: Story = {
  name: '320 px',
  render: (args) => html`<div style="max-inline-size: 320px"><portico-message-thread ${props(args)}></portico-message-thread></div>`,
};
