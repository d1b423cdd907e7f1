/**
 * Stories of <portico-ticket-list> — the pattern to copy for a component's stories:
 * - `meta.component` is the tag: Storybook reads controls and docs from custom-elements.json.
 * - Data comes from the mock API (`src/testing/mock-api.ts`, the tests' handlers and fixtures);
 *   a story changes it with `parameters.portico` (`handlers`, `api`, `setup`; see
 *   `src/stories/portico.ts` and `src/stories/handlers.ts`), never with msw directly.
 * - Sections: Playground (controls), States (one story each), Accessibility (notes in the docs).
 *   Dark and right-to-left come from the toolbar globals (`&globals=theme:dark;locale:ar`).
 * - Every story is a test case too (`src/stories.test.ts`: axe in light/en and dark/ar), so a
 *   story must render something accessible; `parameters.portico.waitFor` says which state it shows.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { afterFirst, empty, error, failOnce, malformed, never, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { settled } from '../../stories/settle.js';
import type { PorticoTicketList } from './ticket-list.component.js';
import './ticket-list.js';

type Args = Partial<
  Pick<
    PorticoTicketList,
    'status' | 'priority' | 'query' | 'sort' | 'scope' | 'pageSize' | 'selected' | 'hideFilters' | 'debounce' | 'slaWarningHours' | 'noLive'
  >
>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const list = (canvas: HTMLElement) => canvas.querySelector('portico-ticket-list')!;

const meta = {
  title: 'Components/Ticket list',
  component: 'portico-ticket-list',
  tags: ['autodocs'],
  render: (args) => html`<portico-ticket-list ${props(args)}>
    <h2 slot="header" style="margin: 0; font-size: 1.25rem">Support tickets</h2>
  </portico-ticket-list>`,
  argTypes: {
    status: { control: 'select', options: ['', 'open', 'pending', 'on_hold', 'solved', 'closed'] },
    priority: { control: 'select', options: ['', 'low', 'normal', 'high', 'urgent'] },
    sort: {
      control: 'select',
      options: ['-updated_at', 'updated_at', '-created_at', 'created_at', '-priority', 'priority', '-number', 'number'],
    },
    scope: { control: 'inline-radio', options: ['mine', 'organization'] },
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
  },
  // No docs description here: the docs page shows the class JSDoc, from the manifest.
} satisfies Meta<Args>;

export default meta;

// ── Playground ──────────────────────────────────────────────────────────────────────────────
export const Playground: Story = {
  args: { status: '', priority: '', sort: '-updated_at', scope: 'mine', pageSize: 10, hideFilters: false },
};

// ── States ──────────────────────────────────────────────────────────────────────────────────
export const Loading: Story = {
  parameters: {
    portico: { handlers: { 'tickets.list': never() }, waitFor: '[part~="loading"]' },
    docs: { description: { story: 'The first page never arrives: a skeleton and a `role="status"` "Loading…".' } },
  },
};

export const Slow: Story = {
  parameters: {
    portico: { handlers: { 'tickets.list': slow(1500) } },
    docs: { description: { story: 'Every page takes 1.5 s: try the filters and pagination.' } },
  },
};

export const Empty: Story = {
  parameters: {
    portico: { handlers: { 'tickets.list': empty() } },
    docs: { description: { story: 'No tickets: the `empty` slot with its default text.' } },
  },
};

export const EmptyWithSlot: Story = {
  name: 'Empty (slotted)',
  render: (args) => html`<portico-ticket-list ${props(args)}>
    <p slot="empty">Nothing here yet. <a href="#new">Open a ticket</a></p>
  </portico-ticket-list>`,
  parameters: { portico: { handlers: { 'tickets.list': empty() } } },
};

export const Unavailable: Story = {
  name: 'Error (503)',
  parameters: {
    portico: { handlers: { 'tickets.list': unavailable() } },
    docs: { description: { story: 'The API answers 503: `role="alert"` message by error code and a Retry button (it fails again).' } },
  },
};

export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: {
    portico: { handlers: { 'tickets.list': failOnce(unavailable()) } },
    docs: { description: { story: 'The first request fails; Retry loads the list.' } },
  },
};

export const Forbidden: Story = {
  name: 'Error (no access)',
  args: { scope: 'organization' },
  parameters: { portico: { handlers: { 'tickets.list': error(403, 'forbidden') } } },
};

export const Malformed: Story = {
  name: 'Malformed response',
  parameters: {
    portico: { handlers: { 'tickets.list': malformed() } },
    docs: { description: { story: 'A 200 whose rows break the contract: the client rejects it (`invalid_response`).' } },
  },
};

export const Refreshing: Story = {
  parameters: {
    portico: { handlers: { 'tickets.list': afterFirst(never()) }, waitFor: '[part~="content"][aria-busy="true"]' },
    docs: { description: { story: 'A refresh that does not finish: the rows stay, marked `aria-busy`.' } },
  },
  play: async ({ canvasElement }) => {
    const el = list(canvasElement);
    await settled(el);
    void el.refresh();
  },
};

export const ManyPages: Story = {
  name: 'Many pages',
  args: { pageSize: 10 },
  parameters: {
    portico: { api: { tickets: 240 } },
    docs: { description: { story: '240 tickets, 10 a page: cursor pagination with Previous / Next.' } },
  },
};

export const Filtered: Story = {
  name: 'Filtered, no match',
  args: { status: 'closed', priority: 'urgent', query: 'nothing matches this' },
};

// ── Accessibility ───────────────────────────────────────────────────────────────────────────
export const Accessibility: Story = {
  args: { pageSize: 5 },
  parameters: {
    docs: {
      description: {
        story: [
          '- Rows are one tab stop (roving tabindex): ↑ ↓ Home End move, Enter or Space selects; the selected row has `aria-current="true"`.',
          '- The filters are a labelled group; every field has a visible label.',
          '- Loading is a `role="status"`, errors a `role="alert"`; a refresh keeps the rows and sets `aria-busy`.',
          '- Status and priority badges carry a visually hidden label ("Status: Open"), so colour is never the only cue.',
          '- Logical properties only: right-to-left (`locale: ar`) mirrors the layout; `forced-colors` is supported.',
          '- Every story runs axe (WCAG 2.2 AA) in light/en and dark/ar in the story runner; the a11y panel fails on violations.',
        ].join('\n'),
      },
    },
  },
};

export const DarkRtl: Story = {
  name: 'Dark, right-to-left',
  globals: { theme: 'dark', locale: 'ar' },
};

export const Brand: Story = {
  name: 'Brand theme',
  globals: { theme: 'brand' },
  parameters: {
    docs: {
      description: {
        story: 'A client brand with CSS variables only: `--portico-color-primary`, `--portico-font-family`, `--portico-radius`.',
      },
    },
  },
};
