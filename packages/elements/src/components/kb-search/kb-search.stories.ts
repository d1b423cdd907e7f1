/**
 * Stories of <portico-kb-search> (pattern: `ticket-list.stories.ts`). The popup opens on typing,
 * so state stories type a query in `play` (`typeQuery`) and say which part they wait for.
 */
import { searchHit } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { failOnce, malformed, never, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { json } from '../../testing/mock-api.js';
import type { PorticoKbSearch } from './kb-search.component.js';
import './kb-search.js';

type Args = Partial<
  Pick<
    PorticoKbSearch,
    'query' | 'category' | 'debounce' | 'limit' | 'minLength' | 'popular' | 'hideCategories' | 'showLabel' | 'placeholder'
  >
>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

/** Valid categories (the default mock's lack the contract's `articleCount`). */
const CATEGORIES = json({
  data: [
    { id: 'cat_1', slug: 'reports', name: 'Reports', articleCount: 4 },
    { id: 'cat_2', slug: 'billing', name: 'Billing', articleCount: 2 },
    { id: 'cat_3', slug: 'account', name: 'Account', articleCount: 6 },
  ],
});

const HITS = json({
  data: [
    searchHit(1),
    searchHit(2, {
      title: [
        { text: 'Scheduling ', highlight: false },
        { text: 'report', highlight: true },
        { text: ' emails', highlight: false },
      ],
    }),
    searchHit(3, { snippet: [{ text: 'Markup like <b>this</b> in a snippet is shown as text.', highlight: false }] }),
  ],
});

const search = (canvas: HTMLElement) => canvas.querySelector('portico-kb-search')!;

/** Types `text` into the field the way a user would (an `input` event), which opens the popup. */
async function typeQuery(canvas: HTMLElement, text = 'report') {
  const el = search(canvas);
  await el.updateComplete;
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="input"]')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

const meta = {
  title: 'Components/KB search',
  component: 'portico-kb-search',
  tags: ['autodocs'],
  // Room below the field for the popup, which overlays what follows.
  render: (args) => html`<div style="min-block-size: 26rem; max-inline-size: 40rem">
    <portico-kb-search ${props(args)}></portico-kb-search>
  </div>`,
  args: { debounce: 150 },
  argTypes: {
    limit: { control: { type: 'number', min: 1, max: 20 } },
    category: { control: 'select', options: ['', 'reports', 'billing', 'account'] },
  },
  parameters: {
    // Only handlers no story overrides: a story's factory (failOnce, slow…) would be deep-merged away.
    portico: { handlers: { 'articles.categories': CATEGORIES } },
    docs: {
      description: {
        component:
          'Mock data: three hits for any query, three categories, twelve articles for `popular` (`src/testing/mock-api.ts`). Type to search; ↓ ↑ Enter Escape.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;

// ── Playground ──────────────────────────────────────────────────────────────────────────────
export const Playground: Story = { args: { popular: true, limit: 8 } };

// ── States ──────────────────────────────────────────────────────────────────────────────────
export const Idle: Story = {
  parameters: { docs: { description: { story: 'No query: the field and the category filter; nothing is requested.' } } },
};

export const Popular: Story = {
  args: { popular: true, limit: 5 },
  parameters: { portico: { waitFor: '[part~="option"]' } },
  play: async ({ canvasElement }) => {
    const el = search(canvasElement);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLInputElement>('[part~="input"]')!.click();
  },
};

export const Results: Story = {
  parameters: {
    portico: { handlers: { 'articles.search': HITS }, waitFor: '[part~="option"]' },
    docs: {
      description: { story: 'Highlighted titles and snippets (`<mark>` built from text segments); the count is announced politely.' },
    },
  },
  play: ({ canvasElement }) => typeQuery(canvasElement),
};

export const Loading: Story = {
  parameters: { portico: { handlers: { 'articles.search': never() }, waitFor: '[part~="loading"]' } },
  play: ({ canvasElement }) => typeQuery(canvasElement),
};

export const Slow: Story = {
  parameters: {
    portico: { handlers: { 'articles.search': slow(1500) } },
    docs: {
      description: { story: 'Every search takes 1.5 s: keep typing — older searches are aborted, older results stay, marked busy.' },
    },
  },
};

export const NoResults: Story = {
  name: 'No results',
  parameters: { portico: { handlers: { 'articles.search': json({ data: [] }) }, waitFor: '[part~="empty"]' } },
  play: ({ canvasElement }) => typeQuery(canvasElement, 'zebra'),
};

export const NoResultsSlotted: Story = {
  name: 'No results (slotted)',
  render: (args) => html`<div style="min-block-size: 16rem">
    <portico-kb-search ${props(args)}><p slot="empty">Nothing found. <a href="#contact">Ask support</a></p></portico-kb-search>
  </div>`,
  parameters: { portico: { handlers: { 'articles.search': json({ data: [] }) }, waitFor: '[part~="empty"]' } },
  play: ({ canvasElement }) => typeQuery(canvasElement, 'zebra'),
};

export const Unavailable: Story = {
  name: 'Error (503)',
  parameters: { portico: { handlers: { 'articles.search': unavailable() }, waitFor: '[part~="error"]' } },
  play: ({ canvasElement }) => typeQuery(canvasElement),
};

export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'articles.search': failOnce(unavailable()) }, waitFor: '[part~="error"]' } },
  play: ({ canvasElement }) => typeQuery(canvasElement),
};

export const Malformed: Story = {
  name: 'Malformed response',
  parameters: { portico: { handlers: { 'articles.search': malformed() }, waitFor: '[part~="error"]' } },
  play: ({ canvasElement }) => typeQuery(canvasElement),
};

// ── Accessibility ───────────────────────────────────────────────────────────────────────────
export const Accessibility: Story = {
  parameters: {
    docs: {
      description: {
        story: [
          '- WAI-ARIA APG combobox with a listbox popup: the input has `role="combobox"`, `aria-expanded`, `aria-controls` and `aria-activedescendant`; DOM focus stays in the field.',
          '- ↓ / ↑ move through the results (wrapping; from closed they open on the first / last), Enter opens the active result, Escape closes, a second Escape clears; Home, End, ← → stay in the text; Alt+↓ opens without choosing.',
          '- The number of results is announced in a polite live region; errors are a `role="alert"` with Retry.',
          '- Highlights are `<mark>` elements built from text segments: markup in a snippet is shown as text.',
          '- Logical properties: right-to-left (`locale: ar`) mirrors the layout; `forced-colors` uses Highlight and Mark.',
        ].join('\n'),
      },
    },
  },
};

export const DarkRtl: Story = {
  name: 'Dark, right-to-left',
  globals: { theme: 'dark', locale: 'ar' },
  parameters: { portico: { waitFor: '[part~="option"]' } },
  play: ({ canvasElement }) => typeQuery(canvasElement, 'تقرير'),
};

export const Brand: Story = {
  name: 'Brand theme',
  globals: { theme: 'brand' },
  parameters: { portico: { waitFor: '[part~="option"]' } },
  play: ({ canvasElement }) => typeQuery(canvasElement),
};
