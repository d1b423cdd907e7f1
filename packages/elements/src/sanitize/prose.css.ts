import type { css as Css } from 'lit';

/**
 * The prose styles of sanitized rich text (`.body` holding an article's or a ticket message's
 * Markdown or HTML): the reset zeroes margins, so this restores a readable flow of paragraphs,
 * headings, lists, code, quotes and tables. A component may set `--_link-color`,
 * `--_code-background` and `--_border-color` from its public variables. Only sanitized content has
 * such elements, so these come with the sanitizer (`adoptProse` of `styles/prose.styles.ts` adds
 * them); lit's `css` tag is passed in, so that this lazy module carries no copy of lit.
 */
export type ProseCss = typeof proseCss;
export const proseCss = (css: typeof Css) => css`
  .body > :first-child {
    margin-block-start: 0;
  }
  .body > :last-child {
    margin-block-end: 0;
  }
  .body :is(p, ul, ol, pre, blockquote, table, figure, hr) {
    margin-block: 0 var(--_portico-space-m);
  }
  .body :is(h2, h3, h4, h5, h6) {
    margin-block: var(--_portico-space-l) var(--_portico-space-s);
    line-height: 1.3;
  }
  .body h2 {
    font-size: calc(var(--_portico-font-size) * 1.4);
  }
  .body h3 {
    font-size: calc(var(--_portico-font-size) * 1.2);
  }
  .body :is(h4, h5, h6) {
    font-size: var(--_portico-font-size);
  }
  .body :is(ul, ol) {
    padding-inline-start: 1.5em;
  }
  .body li + li {
    margin-block-start: var(--_portico-space-2xs);
  }
  .body a {
    color: var(--_link-color, var(--_portico-color-primary));
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .body :is(code, kbd, samp) {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
    padding: 0.1em 0.3em;
    border-radius: var(--_portico-radius-s);
    background: var(--_code-background, var(--_portico-color-surface));
  }
  .body pre {
    padding: var(--_portico-space-m);
    border-radius: var(--_portico-radius-m);
    background: var(--_code-background, var(--_portico-color-surface));
    /* Long lines wrap instead of scrolling: no unreachable scroll region, no overflow at 320 px. */
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .body pre code {
    padding: 0;
    background: none;
  }
  .body img,
  .body video {
    max-inline-size: 100%;
    block-size: auto;
  }
  .body blockquote {
    padding-inline-start: var(--_portico-space-m);
    border-inline-start: 3px solid var(--_border-color, var(--_portico-color-border));
    color: var(--_portico-color-muted);
  }
  .body hr {
    border: 0;
    border-block-start: 1px solid var(--_border-color, var(--_portico-color-border));
  }
  .body table {
    display: block;
    max-inline-size: 100%;
    overflow-x: auto;
    border-collapse: collapse;
  }
  .body :is(th, td) {
    padding: var(--_portico-space-xs) var(--_portico-space-s);
    border: 1px solid var(--_border-color, var(--_portico-color-border));
    text-align: start;
  }

  @media (forced-colors: active) {
    .body :is(th, td),
    .body blockquote {
      border-color: CanvasText;
    }
    .body a {
      color: LinkText;
    }
  }
`;
