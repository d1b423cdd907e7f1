import type { ArticleCategory } from '@portico/contract';
import { articles } from '@portico/contract/validators/articles';
import { css, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PorticoElement, waitFor } from '../../base/portico-element.js';
import { errorMessage, stateStyles } from '../../controllers/render-state.js';
import { ResourceController } from '../../controllers/resource-controller.js';
import { type KbSearchOption, SearchController } from '../../controllers/search-controller.js';
import { adoptLate } from '../../styles/late-styles.js';
import { en, type KbSearchMessageKey } from './kb-search.messages.js';
import type { KbSearchView } from './kb-search.popup.js';
import { styles } from './kb-search.styles.js';

export type { KbSearchOption, KbSearchResult } from '../../controllers/search-controller.js';
export type { PorticoArticleOpenDetail } from './kb-search.events.js';

let nextId = 0;

type Popup = ReturnType<typeof import('./kb-search.popup.js').default>;
let popup: Popup | undefined;
let popupLoading: Promise<unknown> | undefined;
/** The popup's templates, loaded when the field is first used (or a query is set); a failed download is tried again. */
const loadPopup = () =>
  (popupLoading ??= import('./kb-search.popup.js').then(
    (m) => (popup = m.default({ html, css, nothing, repeat, errorMessage, adoptLate })),
    (error) => {
      popupLoading = undefined;
      throw error;
    },
  ));

/**
 * Search-as-you-type over the knowledge base, as a WAI-ARIA combobox with a listbox popup: the
 * input has `role="combobox"`; ArrowDown / ArrowUp move through the results (wrapping), Enter
 * opens the active one, Escape closes the popup (a second Escape clears the text), Home / End
 * and the other editing keys stay in the text. Results show highlighted titles and snippets (the
 * highlights arrive as text segments and render as `<mark>`, never as markup). The number of
 * results is announced politely. A category filter comes from the portal's categories; with
 * `popular`, focusing an empty field offers popular articles.
 *
 * Typing waits `debounce` ms before searching; a newer search aborts the older one, whose late
 * answer is dropped. While a new search runs, the previous results stay, marked busy.
 *
 * @summary A knowledge-base search box with suggestions.
 *
 * @slot empty - Shown in the popup when nothing matches. Default: “No articles match “…”.”
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart form - The row of the search field and the category filter.
 * @csspart label - The search field's label (visually hidden unless `show-label`).
 * @csspart input - The search field (`role="combobox"`).
 * @csspart category - The category select.
 * @csspart popup - The popup below the field (results and states).
 * @csspart listbox - The list of results (`role="listbox"`).
 * @csspart heading - The popup's "Popular articles" heading.
 * @csspart option - A result (`role="option"`); the active one also has `active`.
 * @csspart option-title - A result's title.
 * @csspart option-snippet - A result's snippet.
 * @csspart option-category - A result's category name.
 * @csspart highlight - A highlighted match (`<mark>`).
 * @csspart loading - The "Searching…" state.
 * @csspart empty - The no-results state.
 * @csspart error - The error state.
 * @csspart retry - The error state's Retry button.
 * @csspart live - The visually hidden live region announcing the result count.
 *
 * @cssprop --portico-kb-search-popup-background - Popup background (default: `--portico-color-background`).
 * @cssprop --portico-kb-search-popup-shadow - Popup shadow.
 * @cssprop --portico-kb-search-popup-max-height - Maximum height of the popup before it scrolls (default: none — the popup grows with `limit`; a
 *   scrolling popup is not a tab stop, so axe flags it as `scrollable-region-focusable`; arrow keys still scroll the active option into view).
 * @cssprop --portico-kb-search-border-color - Borders of the popup and between results (default: `--portico-color-border`).
 * @cssprop --portico-kb-search-radius - Radius of the popup (default: 2 × `--portico-radius`).
 * @cssprop --portico-kb-search-option-padding - Padding of a result (default: 2 spacing units block, 3 inline).
 * @cssprop --portico-kb-search-option-active-background - Background of the active result (default: a primary tint).
 * @cssprop --portico-kb-search-highlight-background - Background of a highlighted match (default: a warning tint).
 * @cssprop --portico-kb-search-highlight-color - Text colour of a highlighted match (default: `--portico-color-text`).
 *
 * @fires portico-article-open - A result was chosen; `detail` is `{ slug, article }`. Cancelable: `preventDefault()` keeps the popup open and skips `article-href` navigation.
 * @fires portico-error - Searching (or loading categories) failed; `detail.code` is the error's machine code.
 * @event portico-article-open
 * @event portico-error
 *
 * @example
 * ```html
 * <portico-provider base-url="https://portal.example.com">
 *   <portico-kb-search popular article-href="/help/{slug}"></portico-kb-search>
 * </portico-provider>
 * ```
 */
export class PorticoKbSearch extends PorticoElement<KbSearchMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, styles];
  static override resources = {
    en,
    endpoints: { articles },
    locales: { de: () => import('./kb-search.messages.de.js'), ar: () => import('./kb-search.messages.ar.js') },
  };

  static override properties = {
    query: {},
    category: { reflect: true },
    debounce: { type: Number },
    limit: { type: Number },
    minLength: { type: Number, attribute: 'min-length' },
    popular: { type: Boolean, reflect: true },
    hideCategories: { type: Boolean, reflect: true, attribute: 'hide-categories' },
    showLabel: { type: Boolean, reflect: true, attribute: 'show-label' },
    placeholder: {},
    articleHref: { attribute: 'article-href' },
    open: { state: true },
    active: { state: true },
    text: { state: true },
  };

  /** The text searched for (set by typing after `debounce` ms, or directly). */
  query = '';

  /** Slug of the category to search in; empty for all. */
  category = '';

  /** Milliseconds between the last keystroke and the request. */
  debounce = 250;

  /** Maximum number of results (1–20). */
  limit = 8;

  /** Fewer characters than this (after trimming) don't search. */
  minLength = 2;

  /** With an empty field, offer popular articles (`articles.list`) in the popup. */
  popular = false;

  /** Hides the category filter. */
  hideCategories = false;

  /** Shows the search field's label (otherwise it is visually hidden but still named). */
  showLabel = false;

  /** Placeholder of the field; defaults to a translated “Search the help center”. */
  placeholder?: string;

  /**
   * Where choosing a result navigates when the `portico-article-open` event is not canceled:
   * a URL with `{slug}` (e.g. `/help/{slug}`). Unset, nothing navigates (listen to the event).
   */
  articleHref?: string;

  /** Whether the popup is shown. */
  private open = false;
  /** Index of the active option (`aria-activedescendant`), -1 for none. */
  private active = -1;
  /** The field's text (`query` follows it after the debounce). */
  private text = '';

  private readonly uid = `kbs-${++nextId}`;

  private readonly search = new SearchController(this, {
    debounce: () => this.debounce,
    minLength: () => this.minLength,
    limit: () => this.limit,
    category: () => this.category,
    popular: () => this.popular,
    query: { get: () => this.query, set: (q) => (this.query = q) },
  });

  private readonly categories = new ResourceController(this, {
    args: () => [this.hideCategories] as const,
    load: async (client, [hidden], { signal }): Promise<readonly ArticleCategory[]> =>
      hidden ? [] : (await client.articles.categories({ signal })).data,
  });

  /** Searches again with the same inputs (results stay visible, marked busy). */
  refresh(): Promise<void> {
    return this.search.refresh();
  }

  /** The options in the popup: the current hits (or popular articles), `[]` when idle. */
  get results(): readonly KbSearchOption[] {
    return this.search.results;
  }

  /** Focuses the search field. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('[part~="input"]');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // `query` set from outside shows in the field; new results start with nothing active.
    if (changed.has('query') && this.query !== this.text && !this.search.typing) this.text = this.query;
    if (changed.has('query') || changed.has('category')) this.active = -1;
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const { t } = this.i18n;
    if (!popup && (this.open || this.search.resource.value)) waitFor(this, loadPopup());
    const expanded = this.expanded;
    const options = this.visibleOptions;
    const activeId = expanded && this.active >= 0 && this.active < options.length ? this.optionId(this.active) : undefined;
    return html`<div part="base" class="base" lang=${lang} dir=${dir} @focusout=${this.onFocusOut}>
      <div part="form" class="form" role="search">
        <label part="label" class=${this.showLabel ? 'label' : 'visually-hidden'} for="${this.uid}-input">${t('kbSearch.label')}</label>
        <div class="field-wrap">
          <input
            id="${this.uid}-input"
            part="input"
            class="field input"
            type="text"
            role="combobox"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            enterkeyhint="search"
            maxlength="200"
            aria-autocomplete="list"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls="${this.uid}-listbox"
            aria-activedescendant=${activeId ?? nothing}
            placeholder=${this.placeholder ?? t('kbSearch.placeholder')}
            .value=${this.text}
            @input=${this.onInput}
            @keydown=${this.onKeydown}
            @click=${this.onInputClick}
          />
        </div>
        ${this.renderCategories()}
      </div>
      <div part="popup" class="popup" ?hidden=${!expanded}>${
        popup
          ? popup.render(this as unknown as KbSearchView, options)
          : html`<ul id="${this.uid}-listbox" part="listbox" class="listbox" role="listbox" aria-label=${t('kbSearch.suggestions')} hidden></ul>`
      }</div>
      <div id="${this.uid}-live" part="live" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        ${this.announcement()}
      </div>
    </div>`;
  }

  private renderCategories() {
    if (this.hideCategories) return nothing;
    const cats = this.categories.state === 'complete' ? (this.categories.value ?? []) : [];
    // Categories are an optional refinement: while loading or after a failure, no filter shows.
    if (cats.length === 0) return nothing;
    const { t } = this.i18n;
    return html`<label class="category">
      <span class="visually-hidden">${t('kbSearch.category')}</span>
      <select part="category" class="field" @change=${this.onCategoryChange}>
        <option value="" ?selected=${!this.category}>${t('kbSearch.allCategories')}</option>
        ${cats.map((c) => html`<option value=${c.slug} ?selected=${this.category === c.slug} dir="auto">${c.name}</option>`)}
      </select>
    </label>`;
  }

  /** True while nothing matching the current text can be shown yet (first search, or a search after idle). */
  private get pending(): boolean {
    const state = this.search.resource.state;
    if (state === 'loading') return true;
    // A search after the idle / popular view (or back): the value on screen is of the other kind, so don't show it as current.
    const showingResults = this.search.resource.value?.kind === 'results';
    return state === 'refreshing' && showingResults !== !!this.search.effectiveQuery;
  }

  private get visibleOptions(): readonly KbSearchOption[] {
    if (this.search.resource.state === 'error' || this.pending) return [];
    return this.results;
  }

  private get expanded(): boolean {
    if (!this.open) return false;
    if (this.search.resource.state === 'error') return true;
    if (this.search.effectiveQuery) return true;
    return this.popular && this.results.length > 0;
  }

  private announcement(): string {
    const { t } = this.i18n;
    const value = this.search.resource.value;
    if (this.search.resource.state === 'refreshing' || this.search.resource.state === 'loading') return '';
    if (value?.kind !== 'results' || !this.search.effectiveQuery) return '';
    return value.options.length ? t('kbSearch.results', { count: value.options.length }) : t('kbSearch.noResultsShort');
  }

  private optionId(i: number): string {
    return `${this.uid}-option-${i}`;
  }

  private choose(index: number): void {
    const option = this.visibleOptions[index];
    if (!option) return;
    this.active = index;
    const { article } = option;
    if (!this.emit('portico-article-open', { slug: article.slug, article }, { cancelable: true })) return;
    this.open = false;
    this.active = -1;
    if (this.articleHref) window.location.assign(this.articleHref.replaceAll('{slug}', encodeURIComponent(article.slug)));
  }

  private onInput(e: Event): void {
    this.text = (e.target as HTMLInputElement).value;
    this.open = true;
    this.active = -1;
    this.search.type(this.text);
  }

  private onInputClick(): void {
    this.open = true;
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.isComposing || e.ctrlKey || e.metaKey) return;
    const count = this.visibleOptions.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        const down = e.key === 'ArrowDown';
        if (!this.expanded || e.altKey) {
          this.open = true;
          if (e.altKey) return;
          // Opening with an arrow key activates the first (or last) option, as in the APG example.
          if (count) this.active = down ? 0 : count - 1;
          return;
        }
        if (!count) return;
        this.active = down ? (this.active + 1) % count : this.active <= 0 ? count - 1 : this.active - 1;
        this.scrollActiveIntoView();
        return;
      }
      case 'Enter': {
        if (this.expanded && this.active >= 0 && this.active < count) {
          e.preventDefault();
          this.choose(this.active);
        } else if (this.search.typing) {
          // Enter before the debounce fires searches at once.
          e.preventDefault();
          this.search.now(this.text);
          this.open = true;
        }
        return;
      }
      case 'Escape': {
        if (this.expanded) {
          e.preventDefault();
          this.open = false;
          this.active = -1;
        } else if (this.text) {
          e.preventDefault();
          this.text = '';
          this.search.now('');
        }
        return;
      }
      case 'Tab':
        this.open = false;
        return;
      default:
        // Home, End, Left, Right and editing keys move the caret: the active option is dropped (APG).
        if (['Home', 'End', 'ArrowLeft', 'ArrowRight'].includes(e.key)) this.active = -1;
    }
  }

  private async scrollActiveIntoView(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector(`#${this.optionId(this.active)}`)?.scrollIntoView({ block: 'nearest' });
  }

  private onCategoryChange(e: Event): void {
    this.category = (e.target as HTMLSelectElement).value;
  }

  private onFocusOut(e: FocusEvent): void {
    const next = e.relatedTarget as Node | null;
    if (next && this.renderRoot.contains(next)) return;
    this.open = false;
    this.active = -1;
  }
}
