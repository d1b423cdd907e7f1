import { type ChildPart, noChange } from 'lit';
import { AsyncDirective, directive, type PartInfo, PartType } from 'lit/async-directive.js';
import { adoptProse } from '../styles/prose.styles.js';

export type RichTextFormat = 'markdown' | 'html' | 'text';

// Sanitizing is async (DOMPurify and marked load on first use) and not free: keep recent results.
const MAX_CACHED = 200;
const cache = new Map<string, Promise<DocumentFragment>>();

function sanitized(format: 'markdown' | 'html', source: string): Promise<DocumentFragment> {
  const key = `${format}\u0000${source}`;
  let hit = cache.get(key);
  if (!hit) {
    // The sanitizer module (and DOMPurify, marked behind it) loads with the first rich text.
    hit = import('./sanitize.js').then((m) => (format === 'markdown' ? m.renderMarkdown(source) : m.sanitizeHtmlToFragment(source)));
    cache.set(key, hit);
    // A failure (say, the sanitizer's chunk did not load) is not kept: the next render tries again.
    hit.catch(() => cache.get(key) === hit && cache.delete(key));
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  return hit;
}

/**
 * Untrusted rich text in a child position, `richText(source, format, customer?)`: `text`
 * renders as a text node; `markdown` and `html` go through the shared sanitizer (`src/sanitize`)
 * and land as a DOM fragment — never through `innerHTML` of the raw string. Until the sanitized
 * fragment is ready the source shows as plain text (inert, and readable). `customer` content
 * (ticket messages) loads images and media only from the API's origin and the provider's
 * `image-origins`; others become links (`keepMediaFrom`). The parent element gets `data-ready` once the final content is in (and
 * `data-error` as well when the sanitizer failed and the text stays plain).
 */
class RichTextDirective extends AsyncDirective {
  private key?: string;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('richText() only works in a child position');
  }

  render(source: string, _format: RichTextFormat, _customer?: boolean): unknown {
    return source;
  }

  override update(part: ChildPart, [source, format, customer]: [string, RichTextFormat, boolean?]): unknown {
    const key = `${format}\u0000${source}`;
    if (key === this.key) return noChange;
    this.key = key;
    const parent = part.parentNode as Element;
    if (format !== 'markdown' && format !== 'html') {
      parent.setAttribute?.('data-ready', '');
      return source;
    }
    parent.removeAttribute?.('data-ready');
    parent.removeAttribute?.('data-error');
    // Whatever happens, the body ends rendered or, if the sanitizer failed, as inert plain text
    // marked `data-error`: never stuck waiting.
    Promise.all([sanitized(format, source), import('./sanitize.js')])
      .then(([fragment, m]) => {
        if (this.key !== key) return;
        adoptProse(parent, m.proseCss); // the prose styles come with the sanitizer
        this.setValue(m.prepareRichText(fragment, customer ? parent : null));
      })
      .catch(() => this.key === key && (this.setValue(source), parent.setAttribute?.('data-error', '')))
      .finally(() => this.key === key && parent.setAttribute?.('data-ready', ''));
    return source;
  }
}

export const richText = directive(RichTextDirective);
