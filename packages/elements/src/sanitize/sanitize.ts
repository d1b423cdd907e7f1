/**
 * The one way untrusted HTML or Markdown (article bodies, ticket messages) reaches the DOM.
 * DOMPurify and marked are imported on first use only, so components that never render rich
 * text never load them. Links keep only http(s) or relative URLs and get
 * `rel="noopener noreferrer"`; scripts, frames, forms, styles, SVG/MathML and every event
 * handler are removed. When the page enforces Trusted Types, a policy named `portico` is used.
 */
import type { Config, DOMPurify } from 'dompurify';

const URL_ATTRS = ['href', 'src', 'xlink:href', 'action', 'formaction', 'cite', 'poster', 'background', 'longdesc', 'ping', 'srcset'];

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'base',
    'meta',
    'link',
    'template',
    'noscript',
    'dialog',
  ],
  FORBID_ATTR: ['style', 'formaction', 'action', 'srcset', 'ping', 'background', 'xmlns'],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SAFE_FOR_TEMPLATES: false,
};

import { isSafeUrl } from './url.js';

export { proseCss } from './prose.css.js';
export { isSafeUrl };

/**
 * DOMPurify parses its input as a whole document. When the first tag is `<frameset>` (after
 * nothing but whitespace, `<html>` or `<head>`), the HTML parser builds a frameset document with no
 * `<body>` at all, and DOMPurify answers `null` (`''` as a string): the content vanished and a
 * caller that expected a fragment broke. A leading `<input>` puts the parser in the body first and
 * sets its "frameset-ok" flag to "not ok", so a later `<frameset>` is ignored like any misplaced tag;
 * `input` is a forbidden tag, so the guard itself never survives.
 */
const shield = (html: unknown) => `<input>${String(html)}`;

let purifier: Promise<DOMPurify> | undefined;

function loadPurifier(): Promise<DOMPurify> {
  purifier ??= import('dompurify').then(({ default: purify }) => {
    purify.addHook('uponSanitizeAttribute', (_node, data) => {
      if (/^on/i.test(data.attrName)) data.keepAttr = false;
      if (URL_ATTRS.includes(data.attrName.toLowerCase()) && !isSafeUrl(data.attrValue)) data.keepAttr = false;
    });
    purify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' || node.tagName === 'AREA') {
        node.setAttribute('rel', 'noopener noreferrer');
        if (node.hasAttribute('target') && node.getAttribute('target') !== '_blank') node.removeAttribute('target');
      }
    });
    return purify;
  });
  return purifier;
}

// Minimal Trusted Types shapes (not in TypeScript's DOM lib yet).
type TrustedHTML = { readonly __brand: 'TrustedHTML' };
type Policy = { createHTML(html: string): TrustedHTML };
type TrustedTypePolicyFactory = { createPolicy(name: string, rules: { createHTML: (html: string) => string }): Policy };
const POLICY_KEY = Symbol.for('portico.trusted-types-policy');

/** The `portico` Trusted Types policy (created once per page), or null where Trusted Types don't exist. */
function policy(purify: DOMPurify): Policy | null {
  const tt = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  if (!tt) return null;
  const store = globalThis as unknown as Record<symbol, Policy | undefined>;
  store[POLICY_KEY] ??= tt.createPolicy('portico', {
    createHTML: (html: string) => purify.sanitize(shield(html), { ...CONFIG, RETURN_TRUSTED_TYPE: false }),
  });
  return store[POLICY_KEY]!;
}

/** Sanitized HTML as a string (for Lit's `unsafeHTML` or `innerHTML`). */
export async function sanitizeHtml(html: string): Promise<string> {
  const purify = await loadPurifier();
  return purify.sanitize(shield(html), { ...CONFIG, RETURN_TRUSTED_TYPE: false });
}

/** Sanitized HTML as TrustedHTML through the `portico` policy when Trusted Types exist, else as a string. */
export async function sanitizeTrustedHtml(html: string): Promise<TrustedHTML | string> {
  const purify = await loadPurifier();
  return policy(purify)?.createHTML(String(html)) ?? purify.sanitize(shield(html), { ...CONFIG, RETURN_TRUSTED_TYPE: false });
}

/** Sanitized HTML as a DocumentFragment of the current document, ready to append. */
export async function sanitizeHtmlToFragment(html: string): Promise<DocumentFragment> {
  const purify = await loadPurifier();
  // Never null, whatever DOMPurify makes of a document it cannot find a body in.
  return purify.sanitize(shield(html), { ...CONFIG, RETURN_DOM_FRAGMENT: true }) ?? document.createDocumentFragment();
}

let markdown: Promise<(md: string) => string> | undefined;

function loadMarkdown(): Promise<(md: string) => string> {
  markdown ??= import('marked').then(({ Marked }) => {
    const m = new Marked({ gfm: true, breaks: false, async: false });
    return (md: string) => m.parse(md) as string;
  });
  return markdown;
}

/** Markdown → sanitized HTML string. Raw HTML inside the Markdown is sanitized like any other. */
export async function renderMarkdownToHtml(md: string): Promise<string> {
  const [parse] = await Promise.all([loadMarkdown(), loadPurifier()]);
  return sanitizeHtml(parse(String(md)));
}

/** Markdown → sanitized DocumentFragment. */
export async function renderMarkdown(md: string): Promise<DocumentFragment> {
  const [parse] = await Promise.all([loadMarkdown(), loadPurifier()]);
  return sanitizeHtmlToFragment(parse(String(md)));
}

const originOf = (url: string, base?: string): string => {
  try {
    return new URL(url, base).origin;
  } catch {
    return '';
  }
};

/**
 * Customer-written content (ticket messages) loads images and media only from the API's origin
 * and the origins of the nearest `<portico-provider image-origins>` (space-separated, `*` for any):
 * every other `src` becomes a link to it, so a message cannot carry a tracking pixel. `from` is
 * where the content goes: the component above it gives the API (its client's `baseUrl`), the
 * nearest ancestor with an `imageOrigins` list (a provider) the rest. Call it on sanitized nodes
 * before they enter the page (nodes of the sanitizer's inert document load nothing).
 */
export function keepMediaFrom(root: ParentNode, from: Node): void {
  type Up = Node & { host?: Node; imageOrigins?: string; effectiveClient?: { baseUrl?: string } };
  let api: string | undefined;
  let origins: string | undefined;
  for (let n: Up | null = from; n; n = n.parentNode ?? n.host ?? null) {
    api ??= n.effectiveClient?.baseUrl;
    origins ??= n.imageOrigins ?? undefined;
  }
  const list = `${origins ?? ''}`.split(/[\s,]+/);
  if (list.includes('*')) return;
  const allowed = new Set(list.map((o) => originOf(o)));
  if (api) allowed.add(originOf(api, document.baseURI));
  // Not origins at all: an unparseable entry, or an opaque one (data:, about:).
  allowed.delete('');
  allowed.delete('null');
  const ok = (url: string) => allowed.has(originOf(url, document.baseURI));
  for (const el of [...root.querySelectorAll('[src], [poster]')]) {
    const poster = el.getAttribute('poster');
    if (poster !== null && !ok(poster)) el.removeAttribute('poster');
    const src = el.getAttribute('src');
    if (src === null || ok(src)) continue;
    if (el.localName === 'source' || el.localName === 'track') {
      el.remove();
      continue;
    }
    const link = el.ownerDocument.createElement('a');
    link.setAttribute('href', src);
    link.setAttribute('rel', 'noopener noreferrer');
    link.textContent = el.getAttribute('alt') || src;
    el.replaceWith(link);
  }
}

/**
 * A copy of a cached sanitized fragment, ready for the page (the `richText` directive's last
 * step): customer content (`from` given: where it goes) through `keepMediaFrom`, an empty `alt` on
 * undescribed images (authors rarely describe pasted ones; it keeps screen readers from reading
 * file names), and wide tables focusable (they scroll inside themselves, and a scrolling region
 * must be reachable by keyboard). The copy stays in the sanitizer's inert document until it is
 * inserted, so nothing in it loads before the filter ran.
 */
export function prepareRichText(fragment: DocumentFragment, from: Node | null): DocumentFragment {
  const copy = fragment.cloneNode(true) as DocumentFragment;
  if (from) keepMediaFrom(copy, from);
  for (const img of copy.querySelectorAll('img:not([alt])')) img.setAttribute('alt', '');
  for (const table of copy.querySelectorAll('table')) table.tabIndex = 0;
  return copy;
}
