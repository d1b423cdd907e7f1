import type { Article } from '@portico/contract';
import type { ProseCss } from '../../sanitize/prose.css.js';

/**
 * Sanitizes an article body into a detached `<div part="body">` (`prepareRichText`: undescribed
 * images get an empty alt, tables are focusable). This module, and the sanitizer with it, is
 * imported on the first article shown, never with the component.
 * `adoptProse` adds the sanitizer's prose styles to the component's shadow root (passed in, so
 * that this lazy module imports nothing the component has).
 * The body's headings are shifted so its top level sits just below the article's title.
 */
export async function renderBody(article: Article, headingLevel: number, adoptProse: (css: ProseCss) => void): Promise<HTMLElement> {
  const { prepareRichText, proseCss, renderMarkdown, sanitizeHtmlToFragment } = await import('../../sanitize/sanitize.js');
  adoptProse(proseCss); // the prose styles come with the sanitizer
  const fragment = prepareRichText(
    article.bodyFormat === 'markdown' ? await renderMarkdown(article.body) : await sanitizeHtmlToFragment(article.body),
    null,
  );
  // Set while the images are still in the sanitizer's inert document, before anything loads.
  for (const img of fragment.querySelectorAll('img')) {
    img.loading = 'lazy';
    img.decoding = 'async';
  }
  const body = document.createElement('div');
  body.className = 'body';
  body.setAttribute('part', 'body');
  body.dir = 'auto'; // the author's direction, whatever the page's
  body.append(fragment);
  // The body's top heading level becomes the one below the title, the rest keep their steps.
  const headings = [...body.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')];
  const shift = headingLevel + 1 - Math.min(...headings.map((h) => Number(h.tagName[1])));
  for (const heading of shift ? headings : []) {
    const replacement = document.createElement(`h${Math.min(6, Math.max(1, Number(heading.tagName[1]) + shift))}`);
    for (const { name, value } of heading.attributes) replacement.setAttribute(name, value);
    replacement.append(...heading.childNodes);
    heading.replaceWith(replacement);
  }
  return body;
}
