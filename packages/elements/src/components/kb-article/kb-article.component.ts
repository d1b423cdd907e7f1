import type { Article } from '@portico/contract';
import { articles } from '@portico/contract/validators/articles';
import { html, nothing, type PropertyValues } from 'lit';
import { PorticoElement } from '../../base/portico-element.js';
import { MutationController } from '../../controllers/mutation-controller.js';
import { renderState, stateStyles } from '../../controllers/render-state.js';
import { errorCode, ResourceController } from '../../controllers/resource-controller.js';
import { adoptProse } from '../../styles/prose.styles.js';
import type { PorticoArticleVoteRequestDetail } from './kb-article.events.js';
import { en, type KbArticleMessageKey } from './kb-article.messages.js';
import { styles } from './kb-article.styles.js';

export type { PorticoArticleLoadDetail, PorticoArticleVoteDetail, PorticoArticleVoteRequestDetail } from './kb-article.events.js';

/** A loaded article with its body already sanitized into DOM nodes. */
export interface KbArticleView {
  article: Article;
  /** The sanitized body (`part="body"`), built once per load and moved into the shadow root as is. */
  body: HTMLElement;
}

let nextId = 0;

/**
 * One knowledge-base article by slug: title, category, last update, and the body — Markdown or
 * HTML as authored, always sanitized (DOMPurify, loaded only when an article is shown): no
 * scripts, frames, styles or event handlers; links keep only http(s) or relative URLs and get
 * `rel="noopener noreferrer"`. Below it, “Was this helpful?” with Yes / No (`articles.vote`), unless the
 * server's knowledge-base provider takes no votes (`capabilities.votes` false on the article).
 *
 * @summary A help-center article with a helpfulness vote.
 *
 * @slot not-found - Replaces the default “This article doesn’t exist…” text for a 404.
 * @slot error - Replaces the default error message (the Retry button stays).
 * @slot footer - Content after the vote, e.g. “Still stuck? Contact us”.
 *
 * @csspart base - The component's root.
 * @csspart article - The loaded article (`<article>`).
 * @csspart header - Title and meta.
 * @csspart title - The title (`role="heading"`, level `heading-level`).
 * @csspart meta - Category and update date.
 * @csspart category - The category name.
 * @csspart updated - The update date (`<time>`).
 * @csspart body - The sanitized body.
 * @csspart feedback - The “Was this helpful?” section.
 * @csspart question - The question.
 * @csspart vote - Both vote buttons; also `vote-yes` / `vote-no`.
 * @csspart vote-status - The live message (“Sending…”, “Thanks for your feedback!”).
 * @csspart vote-error - The vote's error message.
 * @csspart counts - “12 people found this helpful.”
 * @csspart loading - The loading state (skeleton).
 * @csspart content - The loaded content (`aria-busy` while refreshing).
 * @csspart not-found - The 404 state.
 * @csspart error - The error state.
 * @csspart retry - The error state's Retry button.
 *
 * @cssprop --portico-kb-article-max-width - Maximum line length of the body (default: 72ch).
 * @cssprop --portico-kb-article-title-size - Font size of the title (default: 1.75 × base size).
 * @cssprop --portico-kb-article-gap - Space between header, body and feedback (default: 4 spacing units).
 * @cssprop --portico-kb-article-link-color - Links in the body (default: `--portico-color-primary`).
 * @cssprop --portico-kb-article-code-background - Background of code (default: `--portico-color-surface`).
 * @cssprop --portico-kb-article-border-color - Rules, table and feedback borders (default: `--portico-color-border`).
 *
 * @fires portico-article-load - The article is on screen, its body sanitized (after the first load, and again after a refresh); `detail` is `{ slug, article }`.
 * @fires portico-article-vote-request - Yes or No was pressed; `detail` is `{ slug, helpful }`. Cancelable: `preventDefault()` sends nothing.
 * @fires portico-article-vote - The vote was recorded; `detail` is `{ slug, helpful, helpfulCount, notHelpfulCount }`.
 * @fires portico-error - Loading failed; `detail.code` is the error's machine code (`not_found` for an unknown slug).
 * @event portico-article-load
 * @event portico-article-vote-request
 * @event portico-article-vote
 * @event portico-error
 *
 * @example
 * ```html
 * <portico-provider base-url="https://portal.example.com">
 *   <portico-kb-article slug="exporting-reports"></portico-kb-article>
 * </portico-provider>
 * ```
 */
export class PorticoKbArticle extends PorticoElement<KbArticleMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, styles];
  static override resources = {
    en,
    endpoints: { articles },
    locales: { de: () => import('./kb-article.messages.de.js'), ar: () => import('./kb-article.messages.ar.js') },
  };

  static override properties = {
    slug: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    hideFeedback: { type: Boolean, reflect: true, attribute: 'hide-feedback' },
  };

  /** Slug of the article to show. Empty shows nothing. */
  slug = '';

  /** Level of the title heading (1–6); headings in the body start one below. */
  headingLevel = 2;

  /** Hides “Was this helpful?”. */
  hideFeedback = false;

  private readonly uid = `kba-${++nextId}`;
  /** The view `portico-article-load` was last fired for. */
  private shown?: KbArticleView;

  /** “Was this helpful?”: one vote per article view, its key kept if it has to be sent again. */
  private readonly voting = new MutationController(this, {
    send: (client, { slug, helpful }: PorticoArticleVoteRequestDetail, { key, signal }) =>
      client.articles.vote({ slug, helpful, idempotencyKey: key, signal }),
    request: (input) => ['portico-article-vote-request', input],
    // The buttons are gone after a vote: keep keyboard users in place on the thanks message (or on the button after a failure).
    onSuccess: () => this.refocus('vote-status'),
    onError: (_, { helpful }) => this.refocus(helpful ? 'vote-yes' : 'vote-no'),
    success: (counts, input) => ['portico-article-vote', { ...input, ...counts }],
  });
  /** Whether focus was on a vote button when it was pressed. */
  private voteFocus = false;

  private readonly resource = new ResourceController(this, {
    args: () => [this.slug.trim(), this.level] as const,
    load: async (client, [slug, level], { signal }): Promise<KbArticleView | null> => {
      if (!slug) return null;
      const article = await client.articles.get({ slug, signal });
      // The body module (and with it the sanitizer, DOMPurify and marked) loads with the first article shown.
      const body = await (await import('./kb-article.body.js')).renderBody(article, level, (css) => adoptProse(this.renderRoot, css));
      signal.throwIfAborted();
      return { article, body };
    },
  });

  /** The article on screen, or undefined before it loaded. */
  get article(): Article | undefined {
    return this.resource.value?.article;
  }

  /** Loads the article again (the current one stays visible, marked busy). */
  refresh(): Promise<void> {
    return this.resource.refresh();
  }

  private get level(): number {
    return Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('slug') && changed.get('slug') !== undefined) this.voting.reset();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const view = this.resource.state === 'complete' ? this.resource.value : undefined;
    if (view && view !== this.shown) {
      this.shown = view;
      this.emit('portico-article-load', { slug: view.article.slug, article: view.article });
    }
  }

  protected override render() {
    const { lang, dir } = this.locale;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      ${this.slug.trim() ? this.renderResource() : nothing}
    </div>`;
  }

  private renderResource() {
    const { t } = this.i18n;
    if (this.resource.state === 'error' && errorCode(this.resource.error) === 'not_found') {
      return html`<div part="not-found" class="state state--empty" role="status">
        <slot name="not-found"><p class="state__message">${t('kbArticle.notFound')}</p></slot>
      </div>`;
    }
    return renderState(this, this.resource, {
      complete: (view) => (view ? this.renderArticle(view) : nothing),
      skeleton: () =>
        html`<div class="skeleton-line skeleton-line--title"></div>
          ${[0, 1, 2, 3].map(() => html`<div class="skeleton-line skeleton-line--text"></div>`)}`,
    });
  }

  private renderArticle({ article, body }: KbArticleView) {
    const { t, date } = this.i18n;
    return html`<article part="article" class="article" aria-labelledby="${this.uid}-title">
      <header part="header" class="header">
        <div id="${this.uid}-title" part="title" class="title" role="heading" aria-level=${this.level} dir="auto">${article.title}</div>
        <p part="meta" class="meta">
          ${
            article.category
              ? html`<span part="category" class="category"
                  ><span class="visually-hidden">${t('kbArticle.category')}: </span><bdi>${article.category.name}</bdi></span
                >`
              : nothing
          }
          <time part="updated" class="updated" datetime=${article.updatedAt}>${t('kbArticle.updated', { date: date(article.updatedAt) })}</time>
        </p>
      </header>
      ${body} ${this.hideFeedback || article.capabilities?.votes === false ? nothing : this.renderFeedback(article)}
      <slot name="footer"></slot>
    </article>`;
  }

  private renderFeedback(article: Article) {
    const { t } = this.i18n;
    const { status, input, value } = this.voting;
    const sending = status === 'pending';
    const done = status === 'success';
    const helpfulCount = done ? value!.helpfulCount : article.helpfulCount;
    const button = (helpful: boolean) => html`<button
      part=${helpful ? 'vote vote-yes' : 'vote vote-no'}
      class="button vote"
      type="button"
      ?disabled=${sending}
      aria-busy=${sending && input?.helpful === helpful ? 'true' : 'false'}
      @click=${() => this.sendVote(helpful)}
    >
      ${t(helpful ? 'kbArticle.yes' : 'kbArticle.no')}
    </button>`;
    return html`<section part="feedback" class="feedback" aria-label=${t('kbArticle.feedback')}>
      ${
        done
          ? nothing
          : html`<p id="${this.uid}-question" part="question" class="question">${t('kbArticle.question')}</p>
              <div class="votes" role="group" aria-labelledby="${this.uid}-question" aria-busy=${sending ? 'true' : 'false'}>
                ${button(true)} ${button(false)}
              </div>`
      }
      <p part="vote-status" class="vote-status" role="status" tabindex="-1">
        ${sending ? t('kbArticle.sending') : done ? t('kbArticle.thanks') : nothing}
      </p>
      ${status === 'error' ? html`<p part="vote-error" class="vote-error" role="alert">${t('kbArticle.voteError')}</p>` : nothing}
      ${helpfulCount > 0 ? html`<p part="counts" class="counts">${t('kbArticle.helpfulCount', { count: helpfulCount })}</p>` : nothing}
    </section>`;
  }

  private sendVote(helpful: boolean): void {
    const slug = this.article?.slug;
    if (!slug || this.voting.status === 'success') return;
    this.voteFocus = this.renderRoot.querySelector('.votes')?.contains((this.renderRoot as ShadowRoot).activeElement) ?? false;
    void this.voting.run({ slug, helpful });
  }

  private async refocus(part: string): Promise<void> {
    if (!this.voteFocus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[part~="${part}"]`)?.focus();
  }
}
