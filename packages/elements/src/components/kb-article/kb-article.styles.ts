import { css } from 'lit';
import { proseStyles } from '../../styles/prose.styles.js';

export const styles = [
  proseStyles,
  css`
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
    .feedback {
      border-color: CanvasText;
    }
    .vote-error {
      color: CanvasText;
    }
  }
`,
];
