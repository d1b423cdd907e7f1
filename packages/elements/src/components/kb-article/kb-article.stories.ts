/** Stories of <portico-kb-article> (pattern: `ticket-list.stories.ts`). */
import { article } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { afterFirst, error, failOnce, malformed, never, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { json } from '../../testing/mock-api.js';
import type { PorticoKbArticle } from './kb-article.component.js';
import './kb-article.js';

type Args = Partial<Pick<PorticoKbArticle, 'slug' | 'headingLevel' | 'hideFeedback'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const SLUG = 'exporting-reports-1';

const RICH = json(
  article(1, {
    title: 'Exporting reports as CSV or PDF',
    body: [
      '# Before you start',
      'You need the **Reports** permission. Ask an admin if the *Export* button is missing.',
      '## Steps',
      '1. Open the report.\n2. Choose **Export** → **CSV** or **PDF**.\n3. Find the file in your downloads.',
      '## From the API',
      '```\ncurl -H "Authorization: Bearer $TOKEN" https://portal.example.com/portal/v1/reports/42.csv\n```',
      'Inline `code`, a [link to the docs](https://example.com/docs) and a [relative link](/help/billing).',
      '> Large reports are emailed to you instead.',
      '| Format | Max rows |\n| --- | --- |\n| CSV | 1,000,000 |\n| PDF | 10,000 |',
    ].join('\n\n'),
  }),
);

const HOSTILE = json(
  article(1, {
    title: 'A hostile article body',
    bodyFormat: 'html',
    body:
      '<p>Everything below is inert:</p><img src=x onerror=alert(1) alt="broken"><p><a href="javascript:alert(1)">javascript: link</a> · ' +
      '<a href="https://example.com" onclick="alert(1)">safe link, handler removed</a></p><script>alert(1)</script>' +
      '<iframe srcdoc="<script>alert(1)</script>"></iframe><div style="position:fixed;inset:0" onmouseover="alert(1)">no overlay</div>',
  }),
);

const meta = {
  title: 'Components/KB article',
  component: 'portico-kb-article',
  tags: ['autodocs'],
  render: (args) => html`<portico-kb-article ${props(args)}></portico-kb-article>`,
  args: { slug: SLUG },
  argTypes: { headingLevel: { control: { type: 'number', min: 1, max: 6 } } },
  parameters: {
    // No meta-level handlers: a story's factory (failOnce, slow…) would be deep-merged away.
    docs: {
      description: {
        component:
          'Mock data: twelve Markdown articles (`exporting-reports-1`…`-12`); the vote answers 13 / 1 (`src/testing/mock-api.ts`). DOMPurify and marked load with the first article.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;

// ── Playground ──────────────────────────────────────────────────────────────────────────────
export const Playground: Story = {
  args: { headingLevel: 2, hideFeedback: false },
  parameters: { portico: { handlers: { 'articles.get': RICH } } },
};

// ── States ──────────────────────────────────────────────────────────────────────────────────
export const Markdown: Story = { parameters: { portico: { handlers: { 'articles.get': RICH } } } };

export const Html: Story = {
  name: 'HTML body',
  parameters: {
    portico: {
      handlers: {
        'articles.get': json(
          article(2, {
            bodyFormat: 'html',
            body: '<h2>Billing cycles</h2><p>Invoices are issued on the <strong>1st</strong> of each month.</p><ul><li>Monthly</li><li>Yearly</li></ul>',
          }),
        ),
      },
    },
  },
};

export const Hostile: Story = {
  name: 'Hostile body (sanitized)',
  parameters: {
    portico: { handlers: { 'articles.get': HOSTILE } },
    docs: {
      description: {
        story: 'Scripts, frames, handlers, inline styles and `javascript:` links are removed before the body reaches the DOM.',
      },
    },
  },
};

export const Loading: Story = {
  parameters: { portico: { handlers: { 'articles.get': never() }, waitFor: '[part~="loading"]' } },
};

export const Slow: Story = {
  parameters: {
    portico: { handlers: { 'articles.get': slow(1500), 'articles.vote': slow(1500) } },
    docs: { description: { story: 'The article and the vote each take 1.5 s: the buttons are disabled and `aria-busy` while sending.' } },
  },
};

export const NotFound: Story = {
  name: 'Not found (404)',
  args: { slug: 'no-such-article' },
  parameters: { portico: { handlers: { 'articles.get': error(404, 'not_found') }, waitFor: '[part~="not-found"]' } },
};

export const Unavailable: Story = {
  name: 'Error (503)',
  parameters: { portico: { handlers: { 'articles.get': unavailable() } } },
};

export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'articles.get': failOnce(unavailable()) } } },
};

export const Malformed: Story = {
  name: 'Malformed response',
  parameters: { portico: { handlers: { 'articles.get': malformed() } } },
};

export const Refreshing: Story = {
  parameters: {
    portico: { handlers: { 'articles.get': afterFirst(never()) }, waitFor: '[part~="content"][aria-busy="true"]' },
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('portico-kb-article')!;
    for (let i = 0; i < 100 && !el.article; i++) await new Promise((r) => setTimeout(r, 20));
    void el.refresh();
  },
};

export const VoteFails: Story = {
  name: 'Vote fails',
  parameters: {
    portico: { handlers: { 'articles.vote': unavailable() }, waitFor: '[part~="vote-error"]' },
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('portico-kb-article')!;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('[part~="vote-yes"]'); i++) await new Promise((r) => setTimeout(r, 20));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="vote-yes"]')!.click();
  },
};

// ── Accessibility ───────────────────────────────────────────────────────────────────────────
export const Accessibility: Story = {
  parameters: {
    docs: {
      description: {
        story: [
          '- The article is an `<article>` named by its title (`role="heading"`, level `heading-level`); body headings start one level below.',
          '- Yes / No are a labelled group; while sending they are disabled with `aria-busy`; "Thanks" is a `role="status"` and takes focus when the buttons go.',
          '- Loading is a `role="status"`, errors a `role="alert"` with Retry; a 404 has its own message and no Retry.',
          '- Code wraps and images shrink, so nothing scrolls sideways at 320 px; wide tables scroll inside a focusable region.',
        ].join('\n'),
      },
    },
  },
};

export const DarkRtl: Story = { name: 'Dark, right-to-left', globals: { theme: 'dark', locale: 'ar' } };

export const Brand: Story = { name: 'Brand theme', globals: { theme: 'brand' } };
