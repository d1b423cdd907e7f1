import { css } from 'lit';

export const styles = css`
  :host {
    --_max-width: var(--portico-kb-article-max-width, 72ch);
    --_title-size: var(--portico-kb-article-title-size, calc(var(--_portico-font-size) * 1.75));
    --_gap: var(--portico-kb-article-gap, var(--_portico-space-l));
    --_link-color: var(--portico-kb-article-link-color, var(--_portico-color-primary));
    --_code-background: var(--portico-kb-article-code-background, var(--_portico-color-surface));
    --_border-color: var(--portico-kb-article-border-color, var(--_portico-color-border));
  }

  .base {
    container-type: inline-size;
    min-inline-size: 0;
  }
  .article {
    display: grid;
    gap: var(--_gap);
    max-inline-size: var(--_max-width);
    min-inline-size: 0;
  }
  .header {
    display: grid;
    gap: var(--_portico-space-xs);
  }
  .title {
    font-size: var(--_title-size);
    font-weight: 700;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_portico-space-xs) var(--_portico-space-m);
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .category {
    font-weight: 600;
  }

  /* The sanitized body: the reset zeroes margins, so restore readable flow. */
  .body {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
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
    color: var(--_link-color);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .body :is(code, kbd, samp) {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
    padding: 0.1em 0.3em;
    border-radius: var(--_portico-radius-s);
    background: var(--_code-background);
  }
  .body pre {
    padding: var(--_portico-space-m);
    border-radius: var(--_portico-radius-m);
    background: var(--_code-background);
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
    border-inline-start: 3px solid var(--_border-color);
    color: var(--_portico-color-muted);
  }
  .body hr {
    border: 0;
    border-block-start: 1px solid var(--_border-color);
  }
  .body table {
    display: block;
    max-inline-size: 100%;
    overflow-x: auto;
    border-collapse: collapse;
  }
  .body :is(th, td) {
    padding: var(--_portico-space-xs) var(--_portico-space-s);
    border: 1px solid var(--_border-color);
    text-align: start;
  }

  .feedback {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_portico-space-s) var(--_portico-space-m);
    padding-block-start: var(--_portico-space-m);
    border-block-start: 1px solid var(--_border-color);
  }
  .question {
    font-weight: 600;
  }
  .votes {
    display: flex;
    gap: var(--_portico-space-s);
  }
  .vote {
    min-inline-size: 4.5rem;
  }
  .vote[aria-busy='true'] {
    cursor: progress;
  }
  .vote-status:empty {
    display: none;
  }
  .vote-status:focus {
    outline: none;
  }
  .vote-status:focus-visible {
    outline: 2px solid var(--_portico-focus-ring);
  }
  .vote-error {
    flex-basis: 100%;
    color: var(--_portico-color-danger);
  }
  .counts {
    flex-basis: 100%;
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }

  .skeleton-line--title {
    block-size: 2.25rem;
    inline-size: 60%;
  }
  .skeleton-line--text {
    block-size: 1rem;
  }

  @media (forced-colors: active) {
    .body :is(th, td),
    .body blockquote,
    .feedback {
      border-color: CanvasText;
    }
    .body a {
      color: LinkText;
    }
    .vote-error {
      color: CanvasText;
    }
  }
`;
