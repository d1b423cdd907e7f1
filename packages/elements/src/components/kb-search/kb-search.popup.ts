// The knowledge-base search's popup — results, popular articles, and its loading, empty and error
// states — loaded when the field is first used. What it uses of lit and the shared renderers
// comes from the component (a kit, like the viewer's previewers): imported here, they would be
// split into chunks of their own in a bundler's output.
import type { Highlighted } from '@portico/contract';
import type { css as Css, html as Html, nothing as Nothing } from 'lit';
import type { repeat as Repeat } from 'lit/directives/repeat.js';
import type { errorMessage as ErrorMessage } from '../../controllers/render-state.js';
import type { KbSearchOption, SearchController } from '../../controllers/search-controller.js';
import type { adoptLate as AdoptLate } from '../../styles/late-styles.js';
import type { PorticoKbSearch } from './kb-search.component.js';

/** The search as the popup sees it: its public API plus the state it keeps for it (private on the class). */
export type KbSearchView = Pick<PorticoKbSearch, keyof PorticoKbSearch> & {
  readonly uid: string;
  readonly search: SearchController;
  readonly pending: boolean;
  active: number;
  optionId(i: number): string;
  choose(i: number): void;
};

interface Kit {
  html: typeof Html;
  css: typeof Css;
  adoptLate: typeof AdoptLate;
  nothing: typeof Nothing;
  repeat: typeof Repeat;
  errorMessage: typeof ErrorMessage;
}

export default function kbSearchPopup({ html, css, nothing, repeat, errorMessage, adoptLate }: Kit) {
  /** What is inside the popup, adopted by the search's shadow root with the templates. */
  const popupStyles = css`
  .heading {
    padding: var(--_portico-space-s) var(--_portico-space-m) 0;
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-xs);
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .listbox {
    margin: 0;
    padding: var(--_portico-space-2xs) 0;
    list-style: none;
  }
  .listbox[aria-busy='true'] {
    opacity: 0.7;
  }
  .option {
    display: grid;
    gap: var(--_portico-space-2xs);
    padding: var(--_option-padding);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .option + .option {
    border-block-start: 1px solid var(--_border-color);
  }
  .option[aria-selected='true'] {
    background: var(--_option-active-background);
    box-shadow: inset 3px 0 0 var(--_portico-color-primary);
  }
  .option[aria-selected='true']:dir(rtl) {
    box-shadow: inset -3px 0 0 var(--_portico-color-primary);
  }
  .option__title {
    font-weight: 600;
  }
  .option__snippet,
  .option__category {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .option__category {
    font-size: var(--_portico-font-size-xs);
  }
  .highlight {
    border-radius: var(--_portico-radius-s);
    padding-inline: 0.1em;
    background: var(--_highlight-background);
    color: var(--_highlight-color);
  }
  .option__snippet .highlight,
  .option__category {
    color: var(--_portico-color-text);
  }
  .state--loading {
    color: var(--_portico-color-muted);
  }

  @media (forced-colors: active) {
    .option[aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      box-shadow: none;
    }
    .option[aria-selected='true'] * {
      color: HighlightText;
    }
    .highlight {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
  }
  `;

  /** Highlight segments as text nodes, the highlighted ones in `<mark>`: the text is never parsed as markup. */
  const highlighted = (segments: Highlighted) =>
    segments.map((s) => (s.highlight ? html`<mark part="highlight" class="highlight">${s.text}</mark>` : s.text));

  function render(v: KbSearchView, options: readonly KbSearchOption[]) {
    adoptLate(v.renderRoot, popupStyles);
    const { t } = v.i18n;
    const state = v.search.resource.state;
    const value = v.search.resource.value;
    const busy = state === 'refreshing';
    const listbox = html`<ul
      id="${v.uid}-listbox"
      part="listbox"
      class="listbox"
      role="listbox"
      aria-label=${value?.kind === 'popular' ? t('kbSearch.popular') : t('kbSearch.suggestions')}
      aria-busy=${busy ? 'true' : 'false'}
      ?hidden=${options.length === 0}
      @mousedown=${(e: Event) => e.preventDefault()}
    >
      ${repeat(
        options,
        (o) => o.article.id,
        (o, i) => html`<li
          id=${v.optionId(i)}
          part=${i === v.active ? 'option active' : 'option'}
          class="option"
          role="option"
          aria-selected=${i === v.active ? 'true' : 'false'}
          data-slug=${o.article.slug}
          @click=${() => v.choose(i)}
          @mousemove=${() => (v.active = i)}
        >
          <span part="option-title" class="option__title" dir="auto">${highlighted(o.title)}</span>
          ${o.snippet.length ? html`<span part="option-snippet" class="option__snippet" dir="auto">${highlighted(o.snippet)}</span>` : nothing}
          ${o.article.category ? html`<span part="option-category" class="option__category" dir="auto">${o.article.category.name}</span>` : nothing}
        </li>`,
      )}
    </ul>`;

    if (state === 'error') {
      return html`<div part="error" class="state state--error" role="alert">
          <slot name="error"><p class="state__message">${errorMessage(v, v.search.resource.error)}</p></slot>
          <button part="retry" class="button" type="button" @click=${() => v.search.refresh()}>${t('state.retry')}</button>
        </div>
        ${listbox}`;
    }
    if (v.pending) {
      return html`<div part="loading" class="state state--loading">${t('kbSearch.searching')}</div>
        ${listbox}`;
    }
    if (value?.kind === 'results' && value.options.length === 0) {
      return html`<div part="empty" class="state state--empty">
          <slot name="empty"><p class="state__message">${t('kbSearch.noResults', { query: value.query })}</p></slot>
        </div>
        ${listbox}`;
    }
    return html`${value?.kind === 'popular' && options.length ? html`<p part="heading" class="heading" aria-hidden="true">${t('kbSearch.popular')}</p>` : nothing}
      ${listbox}`;
  }

  return { render };
}
