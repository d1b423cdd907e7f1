import { type CSSResult, css } from 'lit';
import { adoptLate } from './late-styles.js';

/**
 * Sanitized rich text (`.body`: an article, a ticket message). What any body needs, plain text
 * too, is in every shadow root that shows one: it may shrink and wrap anywhere. The rest — a
 * readable flow of paragraphs, headings, lists, code, quotes and tables, which only sanitized
 * Markdown or HTML has — is `sanitize/prose.css.ts`, which comes with the sanitizer and is added
 * by `adoptProse` before the sanitized content is shown.
 */
export const proseStyles = css`
  .body {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
`;

let prose: CSSResult | undefined;

/**
 * Adds the sanitizer's prose styles (`make`, i.e. `proseCss` of `sanitize.ts`) to the shadow root
 * that holds `node`, once per root; nothing when `node` is in no shadow root.
 */
export function adoptProse(node: Node, make: (tag: typeof css) => CSSResult): void {
  const root = node.getRootNode();
  if (!(root instanceof ShadowRoot)) return;
  prose ??= make(css);
  adoptLate(root, prose);
}
