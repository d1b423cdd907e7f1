import { type ChildPart, noChange } from 'lit';
import { AsyncDirective, directive, type PartInfo, PartType } from 'lit/async-directive.js';

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
 * Untrusted rich text in a child position, `richText(source, format, mediaOrigins?)`: `text`
 * renders as a text node; `markdown` and `html` go through the shared sanitizer (`src/sanitize`)
 * and land as a DOM fragment — never through `innerHTML` of the raw string. Until the sanitized
 * fragment is ready the source shows as plain text (inert, and readable). With `mediaOrigins`
 * (space-separated origins, `*` for any), images and media from any other origin become links
 * (`keepMediaFrom`). The parent element gets `data-ready` once the final content is in (and
 * `data-error` as well when the sanitizer failed and the text stays plain).
 */
class RichTextDirective extends AsyncDirective {
  private key?: string;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('richText() only works in a child position');
  }

  render(source: string, _format: RichTextFormat, _mediaOrigins?: string): unknown {
    return source;
  }

  override update(part: ChildPart, [source, format, mediaOrigins]: [string, RichTextFormat, string?]): unknown {
    const key = `${format}\u0000${mediaOrigins}\u0000${source}`;
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
    sanitized(format, source)
      .then(async (fragment) => {
        // Still in the sanitizer's inert document: nothing in it loads before it is in the page.
        const copy = fragment.cloneNode(true) as DocumentFragment;
        if (mediaOrigins !== undefined) (await import('./sanitize.js')).keepMediaFrom(copy, mediaOrigins);
        if (this.key !== key) return;
        // Authors rarely describe pasted images; an empty alt at least keeps screen readers from reading file names.
        for (const img of copy.querySelectorAll('img:not([alt])')) img.setAttribute('alt', '');
        // Wide tables scroll inside themselves (prose styles): a scrolling region must be reachable by keyboard.
        for (const table of copy.querySelectorAll('table')) table.tabIndex = 0;
        this.setValue(copy);
      })
      .catch(() => {
        if (this.key !== key) return;
        this.setValue(source); // keep the plain text
        parent.setAttribute?.('data-error', '');
      })
      .finally(() => {
        if (this.key === key) parent.setAttribute?.('data-ready', '');
      });
    return source;
  }
}

export const richText = directive(RichTextDirective);
