/** Stories of <portico-kb-home> (pattern: `ticket-list.stories.ts`). */
import { articleSummary, knowledgeBaseHome } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { afterFirst, failOnce, malformed, never, notJson, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { json } from '../../testing/mock-api.js';
import type { PorticoKbHome } from './kb-home.component.js';
import './kb-home.js';

type Args = Partial<Pick<PorticoKbHome, 'category' | 'limit' | 'headingLevel' | 'articleHref' | 'categoryHref'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const meta = {
  title: 'Components/KB home',
  component: 'portico-kb-home',
  tags: ['autodocs'],
  render: (args) => html`<portico-kb-home ${props(args)}></portico-kb-home>`,
  argTypes: { headingLevel: { control: { type: 'number', min: 1, max: 6 } }, limit: { control: { type: 'number', min: 1, max: 20 } } },
  parameters: {
    docs: {
      description: {
        component:
          'Mock data: four topics, three popular and four recent articles (`knowledgeBaseHome` in `@portico/contract/fixtures`); a topic lists the twelve mock articles.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;

// ── Playground ──────────────────────────────────────────────────────────────────────────────
export const Playground: Story = { args: { limit: 5, headingLevel: 2 } };

// ── States ──────────────────────────────────────────────────────────────────────────────────
export const Links: Story = {
  name: 'With article and topic URLs',
  args: { articleHref: '#/help/{slug}', categoryHref: '#/help?topic={slug}' },
  parameters: { docs: { description: { story: 'Articles and topics are links: they open in a new tab like any link.' } } },
};

export const Topic: Story = { name: 'A topic’s articles', args: { category: 'reports' } };

export const NoVotesYet: Story = {
  name: 'No popular articles yet',
  parameters: { portico: { handlers: { 'knowledgeBase.home': json(knowledgeBaseHome({ popular: [] })) } } },
};

export const LongText: Story = {
  name: 'Long names',
  parameters: {
    portico: {
      handlers: {
        'knowledgeBase.home': json(
          knowledgeBaseHome({
            categories: [
              { id: 'c', slug: 'x', name: 'Administration, permissions and single sign-on for large organizations', articleCount: 42 },
            ],
            recent: [
              articleSummary(1, { title: 'Donaudampfschifffahrtsgesellschaftskapitänsmütze: eine sehr lange Überschrift', lang: 'de' }),
            ],
          }),
        ),
      },
    },
  },
};

export const Loading: Story = { parameters: { portico: { handlers: { 'knowledgeBase.home': never() }, waitFor: '[part~="loading"]' } } };

export const Slow: Story = { parameters: { portico: { handlers: { 'knowledgeBase.home': slow(1500), 'articles.list': slow(1500) } } } };

export const Empty: Story = {
  parameters: {
    portico: {
      handlers: { 'knowledgeBase.home': json(knowledgeBaseHome({ categories: [], popular: [], recent: [], articleCount: 0 })) },
      waitFor: '[part~="empty"]',
    },
  },
};

export const Unavailable: Story = { name: 'Error (503)', parameters: { portico: { handlers: { 'knowledgeBase.home': unavailable() } } } };

export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'knowledgeBase.home': failOnce(unavailable()) } } },
};

export const Malformed: Story = {
  name: 'Malformed response',
  parameters: { portico: { handlers: { 'knowledgeBase.home': malformed() } } },
};

export const NotJson: Story = { name: 'Response is not JSON', parameters: { portico: { handlers: { 'knowledgeBase.home': notJson() } } } };

export const Refreshing: Story = {
  parameters: { portico: { handlers: { 'knowledgeBase.home': afterFirst(never()) }, waitFor: '[part~="content"][aria-busy="true"]' } },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('portico-kb-home')!;
    for (let i = 0; i < 100 && !el.overview; i++) await new Promise((r) => setTimeout(r, 20));
    void el.refresh();
  },
};

// ── Accessibility ───────────────────────────────────────────────────────────────────────────
export const Accessibility: Story = {
  parameters: {
    docs: {
      description: {
        story: [
          '- Each section is a `<section>` named by its heading (`role="heading"`, level `heading-level`).',
          '- Topics and articles are links (with `article-href` / `category-href`) or buttons, in Tab order; counts and dates are text after the name.',
          '- Opening a topic moves focus to its heading; “All topics” returns focus to the topic it came from.',
          '- Loading is a `role="status"`, errors a `role="alert"` with Retry; the topic grid becomes one column at 320 px.',
        ].join('\n'),
      },
    },
  },
};

export const DarkRtl: Story = { name: 'Dark, right-to-left', globals: { theme: 'dark', locale: 'ar' } };

export const German: Story = { name: 'German', globals: { locale: 'de' } };

export const Brand: Story = { name: 'Brand theme', globals: { theme: 'brand' } };
