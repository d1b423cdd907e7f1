import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--portico-comment-thread-gap, var(--_portico-space-s));
    --_comment-bg: var(--portico-comment-thread-comment-background, var(--_portico-color-surface, var(--_portico-color-background)));
    --_radius: var(--portico-comment-thread-radius, var(--_portico-radius-m));
  }
  .base {
    display: grid;
    gap: var(--_portico-space-m);
    min-inline-size: 0;
  }
  .list {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .comment {
    display: grid;
    gap: var(--_portico-space-2xs);
    padding: var(--_portico-space-s) var(--_portico-space-m);
    border: 1px solid var(--_portico-color-border);
    border-radius: var(--_radius);
    background: var(--_comment-bg);
  }
  .comment:focus {
    outline: 2px solid var(--_portico-color-primary);
    outline-offset: 2px;
  }
  .byline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_portico-space-xs);
    margin: 0;
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .author {
    color: var(--_portico-color-text);
    font-weight: 600;
  }
  .anchor {
    padding-inline: var(--_portico-space-xs);
    border: 1px solid var(--_portico-color-border);
    border-radius: var(--_portico-radius-pill);
  }
  .body {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .form {
    display: grid;
    gap: var(--_portico-space-xs);
  }
  .label,
  .page {
    font-size: var(--_portico-font-size-s);
  }
  textarea {
    inline-size: 100%;
    resize: vertical;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_portico-space-s);
  }
  .page {
    display: inline-flex;
    align-items: center;
    gap: var(--_portico-space-xs);
  }
  .page input {
    inline-size: 5rem;
  }
  .draft-anchor {
    display: inline-flex;
    align-items: center;
    gap: var(--_portico-space-xs);
    font-size: var(--_portico-font-size-s);
  }
  .send {
    margin-inline-start: auto;
  }
  .more {
    justify-self: start;
  }
  @media (forced-colors: active) {
    .comment,
    .anchor {
      border-color: CanvasText;
    }
  }
`;
