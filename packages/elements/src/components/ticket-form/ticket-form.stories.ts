/**
 * Stories of <portico-ticket-form> (pattern: `ticket-list.stories.ts`). Suggestions come from the
 * mock API's `articles.search` (three hits), articles from `articles.get`.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { error, never, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import type { PorticoTicketForm } from './ticket-form.component.js';
import './ticket-form.js';

type Args = Partial<Pick<PorticoTicketForm, 'subject' | 'body' | 'priority' | 'debounce' | 'noSuggestions'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const form = (canvas: HTMLElement) => canvas.querySelector('portico-ticket-form')!;

/** Submits once the form is rendered and its client arrived from the provider. */
async function submit(canvas: HTMLElement) {
  const el = form(canvas);
  for (let i = 0; i < 50 && !el.effectiveClient; i++) await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
  void el.submit();
}
const filled: Args = { subject: 'Cannot export report', body: 'The export button does nothing since this morning.' };

const meta = {
  title: 'Components/Ticket form',
  component: 'portico-ticket-form',
  tags: ['autodocs'],
  args: { debounce: 300 },
  render: (args) => html`<portico-ticket-form ${props(args)}>
    <h2 slot="header" style="margin: 0; font-size: 1.25rem">Contact support</h2>
  </portico-ticket-form>`,
  argTypes: { priority: { control: 'select', options: ['low', 'normal', 'high', 'urgent'] } },
} satisfies Meta<Args>;

export default meta;

// ── Playground ──────────────────────────────────────────────────────────────────────────────
export const Playground: Story = {
  args: { subject: '', body: '', priority: 'normal', noSuggestions: false },
  parameters: { docs: { description: { story: 'Type "export" in the subject to see suggestions.' } } },
};

// ── States ──────────────────────────────────────────────────────────────────────────────────
export const Suggestions: Story = {
  args: { subject: 'export report' },
  parameters: { portico: { waitFor: '[part~="suggestions"]' } },
};

export const ArticleOpen: Story = {
  name: 'Article open in place',
  args: { subject: 'export report' },
  parameters: {
    portico: { waitFor: 'portico-kb-article >>> [part~="body"]' },
    docs: { description: { story: 'Opening a suggestion; "This solved my problem" fires `portico-deflect`.' } },
  },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    for (let i = 0; i < 50 && !el.shadowRoot?.querySelector('[part~="suggestion"]'); i++) await new Promise((r) => setTimeout(r, 50));
    el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="suggestion"]')?.click();
  },
};

export const Invalid: Story = {
  name: 'Invalid (submitted empty)',
  parameters: { portico: { waitFor: '[aria-invalid="true"]' } },
  play: ({ canvasElement }) => submit(canvasElement),
};

export const ServerFieldErrors: Story = {
  name: 'Server field errors (400)',
  args: filled,
  parameters: {
    portico: {
      handlers: {
        'tickets.create': {
          status: 400,
          body: {
            type: 'about:blank',
            title: 'Invalid',
            status: 400,
            code: 'validation_failed',
            errors: [{ path: 'body', message: 'Contains a blocked word.' }],
          },
          headers: { 'content-type': 'application/problem+json' },
        },
      },
      waitFor: '#body-error',
    },
  },
  play: ({ canvasElement }) => submit(canvasElement),
};

export const Submitting: Story = {
  args: filled,
  parameters: { portico: { handlers: { 'tickets.create': never() }, waitFor: '[part~="submit"][aria-busy="true"]' } },
  play: ({ canvasElement }) => submit(canvasElement),
};

export const Failed: Story = {
  name: 'Error (503), Try again',
  args: filled,
  parameters: { portico: { handlers: { 'tickets.create': unavailable() }, waitFor: '[part~="failure"]' } },
  play: ({ canvasElement }) => submit(canvasElement),
};

export const Created: Story = {
  args: filled,
  parameters: { portico: { waitFor: '[part~="success"]' } },
  play: ({ canvasElement }) => submit(canvasElement),
};

export const SearchDown: Story = {
  name: 'Suggestions unavailable',
  args: { subject: 'export report' },
  parameters: {
    portico: { handlers: { 'articles.search': error(503, 'unavailable') } },
    docs: { description: { story: 'The search fails: no suggestions, and the form works as usual.' } },
  },
};

// ── Accessibility ───────────────────────────────────────────────────────────────────────────
export const Accessibility: Story = {
  parameters: {
    docs: {
      description: {
        story: [
          '- Every field has a visible label and hint; errors are linked with `aria-describedby` and flagged with `aria-invalid`, shown after a field is left or on submit, and submit focuses the first invalid field.',
          '- Suggestions are a labelled section of buttons right after the subject; their count is announced politely. An opened article takes focus on its heading; Escape or "Back to the form" returns focus to the suggestion.',
          '- Submitting: the button is disabled with `aria-busy`; a failure is a `role="alert"` with Try again.',
          '- Logical properties only (right-to-left mirrors); `forced-colors` supported.',
        ].join('\n'),
      },
    },
  },
};

export const DarkRtl: Story = {
  name: 'Dark, right-to-left',
  globals: { theme: 'dark', locale: 'ar' },
  args: { subject: 'export report' },
  parameters: { portico: { waitFor: '[part~="suggestions"]' } },
};
