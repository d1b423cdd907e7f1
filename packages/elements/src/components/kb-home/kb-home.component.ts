import type { ArticleCategory, ArticleSummary, KnowledgeBaseHome, Page } from '@portico/contract';
import { articles } from '@portico/contract/validators/articles';
import { knowledgeBase } from '@portico/contract/validators/knowledgeBase';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { PorticoElement } from '../../base/portico-element.js';
import { PageController } from '../../controllers/page-controller.js';
import { renderMore, renderState, stateStyles } from '../../controllers/render-state.js';
import { ResourceController } from '../../controllers/resource-controller.js';
import { en, type KbHomeMessageKey } from './kb-home.messages.js';
import { styles } from './kb-home.styles.js';

export type { PorticoArticleOpenDetail, PorticoCategorySelectDetail } from './kb-home.events.js';

let nextId = 0;
const fill = (template: string, slug: string) => template.replaceAll('{slug}', encodeURIComponent(slug));

/**
 * The knowledge base as a place to browse, shown as it is (no search needed): its topics with how
 * many articles each has, the articles readers found most helpful and those updated most recently
 * (`knowledgeBase.home`). Choosing a topic shows its articles in place (`articles.list`, "Show more"),
 * with "All topics" to go back — or, with `category-href`, goes to the host's page for it.
 * Articles and topics are links when `article-href` / `category-href` are set (so they open in a
 * new tab like any link), buttons otherwise; each fires a cancelable event first. Pair it with
 * `<portico-kb-search>` above it.
 *
 * @summary A help-center home: topics with counts, popular and recently updated articles.
 *
 * @slot empty - Shown when the help center has no articles. Default: “The help center has no articles yet.”
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart section - Each section (topics, popular, recent, a topic's articles); also `categories`, `popular`, `recent`, `category-articles`.
 * @csspart heading - A section's heading (`role="heading"`, level `heading-level`).
 * @csspart category-list - The list of topics.
 * @csspart category - A topic (link or button).
 * @csspart category-name - A topic's name.
 * @csspart category-count - A topic's number of articles.
 * @csspart article-list - A list of articles.
 * @csspart article - An article (link or button).
 * @csspart article-title - An article's title.
 * @csspart article-summary - An article's summary (popular articles and a topic's articles).
 * @csspart updated - When an article was last updated (`<time>`, recent articles).
 * @csspart back - The “All topics” button of a topic's view.
 * @csspart more - The “Show more” button of a topic's articles.
 * @csspart loading - The loading state (skeleton).
 * @csspart content - The loaded content (`aria-busy` while refreshing).
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The error state's Retry button.
 *
 * @cssprop --portico-kb-home-gap - Space between sections (default: 4 spacing units).
 * @cssprop --portico-kb-home-category-min-width - Narrowest topic tile before the grid wraps (default: 13rem).
 * @cssprop --portico-kb-home-category-background - Background of a topic tile (default: transparent — the host page shows through).
 * @cssprop --portico-kb-home-border-color - Borders of topic tiles and between articles (default: `--portico-color-border`).
 * @cssprop --portico-kb-home-radius - Radius of a topic tile (default: 2 × `--portico-radius`).
 * @cssprop --portico-kb-home-link-color - Topic names and article titles (default: `--portico-color-primary`).
 * @cssprop --portico-kb-home-heading-size - Font size of section headings (default: 1.25 × base size).
 *
 * @fires portico-article-open - An article was chosen; `detail` is `{ slug, article }`. Cancelable: `preventDefault()` skips `article-href` navigation.
 * @fires portico-category-select - A topic (or “All topics”, slug `''`) was chosen; `detail` is `{ slug, category }`. Cancelable: `preventDefault()` keeps the view and skips `category-href` navigation.
 * @fires portico-error - Loading failed; `detail.code` is the error's machine code.
 * @event portico-article-open
 * @event portico-category-select
 * @event portico-error
 *
 * @example
 * ```html
 * <portico-provider base-url="https://portal.example.com">
 *   <portico-kb-search article-href="/help/{slug}"></portico-kb-search>
 *   <portico-kb-home article-href="/help/{slug}"></portico-kb-home>
 * </portico-provider>
 * ```
 */
export class PorticoKbHome extends PorticoElement<KbHomeMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, styles];
  static override resources = {
    en,
    endpoints: { articles, knowledgeBase },
    locales: { de: () => import('./kb-home.messages.de.js'), ar: () => import('./kb-home.messages.ar.js') },
  };

  static override properties = {
    category: { reflect: true },
    limit: { type: Number },
    headingLevel: { type: Number, attribute: 'heading-level' },
    articleHref: { attribute: 'article-href' },
    categoryHref: { attribute: 'category-href' },
  };

  /** Slug of the topic whose articles are shown; empty shows the home (topics, popular, recent). */
  category = '';

  /** How many popular and recent articles to show (1–20). */
  limit = 5;

  /** Level of the section headings (1–6). */
  headingLevel = 2;

  /** An article's URL, with `{slug}` (e.g. `/help/{slug}`). Unset, articles are buttons: listen to `portico-article-open`. */
  articleHref?: string;

  /** A topic's URL, with `{slug}` (e.g. `/help?topic={slug}`). Unset, a topic opens in place. */
  categoryHref?: string;

  private readonly uid = `kbh-${++nextId}`;
  /** Where focus goes after the next render (the view changed by keyboard or click). */
  private focusNext?: string;

  private readonly home = new ResourceController(this, {
    args: () => [this.count] as const,
    load: (client, [limit], { signal }): Promise<KnowledgeBaseHome> => client.knowledgeBase.home({ limit, signal }),
    live: ['article'],
  });

  private readonly pages = new PageController(this, {
    args: () => [this.category.trim()] as const,
    enabled: () => Boolean(this.category.trim()),
    load: (client, [category], cursor, { signal }): Promise<Page<ArticleSummary>> =>
      client.articles.list({ category, cursor, limit: 20, signal }),
    live: ['article'],
  });

  /** Loads the home (and the topic's articles) again; what is shown stays, marked busy. */
  async refresh(): Promise<void> {
    await Promise.all([this.home.refresh(), this.category.trim() ? this.pages.refresh() : undefined]);
  }

  /** The loaded home, or undefined before it loaded. */
  get overview(): KnowledgeBaseHome | undefined {
    return this.home.value;
  }

  private get count(): number {
    return Math.min(20, Math.max(1, Math.trunc(this.limit) || 5));
  }

  private get level(): number {
    return Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.focusNext && this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    if (target) {
      this.focusNext = undefined;
      target.focus();
    }
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const slug = this.category.trim();
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>${slug ? this.renderCategory(slug) : this.renderHome()}</div>`;
  }

  private renderHome() {
    const { t } = this.i18n;
    return renderState(this, this.home, {
      isEmpty: (home) => home.articleCount === 0,
      emptyText: t('kbHome.empty'),
      complete: (home) => html`
        ${this.section(
          'categories',
          t('kbHome.categories'),
          html`<ul part="category-list" class="categories" role="list">
            ${home.categories.map(
              (c) => html`<li>
                ${this.link(
                  'category',
                  this.categoryHref && fill(this.categoryHref, c.slug),
                  () => this.selectCategory(c.slug, c),
                  html`<span part="category-name" class="category__name" dir="auto">${c.name}</span>
                    <span part="category-count" class="category__count">${t('kbHome.articleCount', { count: c.articleCount })}</span>`,
                  c.slug,
                )}
              </li>`,
            )}
          </ul>`,
        )}
        ${home.popular.length ? this.section('popular', t('kbHome.popular'), this.articleList(home.popular, 'ol', true)) : nothing}
        ${home.recent.length ? this.section('recent', t('kbHome.recent'), this.articleList(home.recent, 'ul', false)) : nothing}
      `,
    });
  }

  private renderCategory(slug: string) {
    const { t } = this.i18n;
    const name = this.home.value?.categories.find((c) => c.slug === slug)?.name ?? this.pages.items[0]?.category?.name ?? slug;
    return html`<button part="back" class="back" type="button" @click=${() => this.selectCategory('', null)}>
        <span aria-hidden="true" class="back__arrow">←</span> ${t('kbHome.all')}
      </button>
      ${this.section(
        'category-articles',
        name,
        html`${renderState(this, this.pages.resource, {
          isEmpty: (page) => page.data.length === 0,
          emptyText: t('kbHome.categoryEmpty'),
          complete: () => this.articleList(this.pages.items, 'ul', true),
        })}
        ${renderMore(this, this.pages, { label: t('state.more') })}`,
      )}`;
  }

  private section(name: string, heading: string, body: unknown): TemplateResult {
    const id = `${this.uid}-${name}`;
    return html`<section part="section ${name}" class="section" aria-labelledby=${id}>
      <div id=${id} part="heading" class="heading" role="heading" aria-level=${this.level} tabindex="-1" dir="auto">${heading}</div>
      ${body}
    </section>`;
  }

  private articleList(list: readonly ArticleSummary[], tag: 'ol' | 'ul', summaries: boolean): TemplateResult {
    const { t, relativeTime } = this.i18n;
    const items = list.map(
      (a) => html`<li>
        ${this.link(
          'article',
          this.articleHref && fill(this.articleHref, a.slug),
          () => this.emit('portico-article-open', { slug: a.slug, article: a }, { cancelable: true }),
          html`<span part="article-title" class="article__title" dir="auto" lang=${a.lang || nothing}>${a.title}</span>
            ${summaries && a.summary ? html`<span part="article-summary" class="article__summary" dir="auto" lang=${a.lang || nothing}>${a.summary}</span>` : nothing}
            ${
              summaries
                ? nothing
                : html`<time part="updated" class="article__updated" datetime=${a.updatedAt}>${t('kbHome.updated', { time: relativeTime(a.updatedAt) })}</time>`
            }`,
        )}
      </li>`,
    );
    return tag === 'ol'
      ? html`<ol part="article-list" class="articles" role="list">${items}</ol>`
      : html`<ul part="article-list" class="articles" role="list">${items}</ul>`;
  }

  /** A link when there is a URL (the event first; canceled, it does not navigate), a button otherwise. */
  private link(part: string, href: string | undefined, choose: () => boolean, content: unknown, key?: string): TemplateResult {
    const cls = part === 'category' ? 'tile' : 'row';
    return href
      ? html`<a part=${part} class=${cls} href=${href} data-key=${key ?? nothing} @click=${(e: MouseEvent) => choose() || e.preventDefault()}
          >${content}</a
        >`
      : html`<button part=${part} class=${cls} type="button" data-key=${key ?? nothing} @click=${choose}>${content}</button>`;
  }

  private selectCategory(slug: string, category: ArticleCategory | null): boolean {
    if (!this.emit('portico-category-select', { slug, category }, { cancelable: true })) return false;
    // With category-href the link navigates; "All topics" (and topics without a URL) change the view in place.
    if (slug && this.categoryHref) return true;
    const from = this.category.trim();
    this.category = slug;
    this.focusNext = slug ? `#${this.uid}-category-articles` : from ? `[part~="category"][data-key="${CSS.escape(from)}"]` : undefined;
    return true;
  }
}
