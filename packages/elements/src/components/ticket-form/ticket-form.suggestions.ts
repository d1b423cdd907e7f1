// The ticket form's suggested articles and the article opened in place, loaded with the first
// suggestions. What it uses of lit comes from the form (a kit, like the viewer's previewers):
// imported here, lit would be split into a chunk of its own in a bundler's output.
import type { Highlighted, SearchHit } from '@portico/contract';
import type { html as Html, nothing as Nothing } from 'lit';
import type { repeat as Repeat } from 'lit/directives/repeat.js';
import type { TicketFormView } from './ticket-form.templates.js';

export default function suggestions({ html, nothing, repeat }: { html: typeof Html; nothing: typeof Nothing; repeat: typeof Repeat }) {
  /** Search highlighting arrives as segments, never markup: render them as text with `<mark>`. */
  const highlighted = (segments: Highlighted) => segments.map((s) => (s.highlight ? html`<mark>${s.text}</mark>` : s.text));

  function render(f: TicketFormView) {
    const { t } = f.i18n;
    if (f.opened) return renderArticle(f, f.opened);
    const hits = f.search.results;
    return html`<section part="suggestions" class="suggestions" aria-labelledby="suggestions-heading">
      <h3 class="suggestions__heading" id="suggestions-heading">${t('ticketForm.suggestions')}</h3>
      <ul class="suggestions__list" role="list">
        ${repeat(
          hits,
          (hit) => hit.article.slug,
          (hit) => html`<li class="suggestion-item">
            <button
              part="suggestion"
              class="suggestion"
              dir="auto"
              type="button"
              data-slug=${hit.article.slug}
              aria-describedby="snippet-${hit.article.id}"
              @click=${() => f.openArticle(hit as SearchHit)}
            >
              ${highlighted(hit.title.length ? hit.title : [{ text: hit.article.title, highlight: false }])}
            </button>
            <p class="snippet" id="snippet-${hit.article.id}" dir="auto">${highlighted(hit.snippet)}</p>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  function renderArticle(f: TicketFormView, open: { slug: string; loaded?: boolean }) {
    const { t } = f.i18n;
    const { lang, dir } = f.locale;
    return html`<section
      part="article"
      class="article"
      aria-labelledby="article-title"
      @keydown=${(e: KeyboardEvent) => f.onArticleKeydown(e)}
      @portico-article-load=${() => f.articleShown(open.slug, true)}
      @portico-error=${() => f.articleShown(open.slug, false)}
    >
      <h3 class="article__kicker" id="article-title" tabindex="-1">${t('ticketForm.article')}</h3>
      <portico-kb-article
        slug=${open.slug}
        heading-level="4"
        hide-feedback
        lang=${lang}
        dir=${dir}
        .client=${f.effectiveClient}
        .theme=${f.theme ?? f.contextTheme}
      ></portico-kb-article>
      <div class="article__actions">
        ${!open.loaded ? nothing : html`<button part="solved" class="button button--primary" type="button" @click=${() => f.solved()}>${t('ticketForm.solved')}</button>`}
        <button part="article-close" class="button" type="button" @click=${() => f.closeArticle()}>${t('ticketForm.closeArticle')}</button>
      </div>
    </section>`;
  }

  return { render };
}
