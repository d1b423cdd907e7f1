import { css } from 'lit';

/**
 * Shared base styles, in every shadow root (so they never reach the host page). The host sets
 * every inherited typographic property itself, so the page's `body { color; font; letter-spacing… }`
 * does not bleed in either.
 */
export const reset = css`
  :host {
    display: block;
    box-sizing: border-box;
    /* No surface of its own: the host page shows through (surface="card" draws one). */
    background-color: transparent;
    color: var(--_portico-color-text);
    font-family: var(--_portico-font-family);
    font-size: var(--_portico-font-size);
    font-style: normal;
    font-weight: 400;
    line-height: var(--_portico-line-height);
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    -webkit-text-size-adjust: 100%;
  }
  :host([surface='card']) {
    background-color: var(--_portico-color-background);
    border: 1px solid var(--_portico-color-border);
    border-radius: var(--_portico-radius-l);
    padding: var(--_portico-space-l);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h1, h2, h3, h4, h5, h6, p, ul, ol, li, figure, fieldset, legend {
    margin: 0;
    padding: 0;
  }
  ul[role='list'], ol[role='list'] {
    list-style: none;
  }
  button, input, select, textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_portico-focus-ring);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Controls shared by every component. */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_portico-space-xs);
    min-block-size: 2.25rem;
    padding-block: var(--_portico-space-xs);
    padding-inline: var(--_portico-space-m);
    border: 1px solid var(--_portico-color-border);
    border-radius: var(--_portico-radius-m);
    background: var(--_portico-color-background);
    cursor: pointer;
  }
  .button:hover:not(:disabled) {
    background: var(--_portico-color-hover);
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .button--primary {
    border-color: var(--_portico-color-primary);
    background: var(--_portico-color-primary);
    color: var(--_portico-color-on-primary);
  }
  .button--primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_portico-color-primary) 88%, var(--_portico-color-text));
  }
  .field {
    min-block-size: 2.25rem;
    padding-block: var(--_portico-space-xs);
    padding-inline: var(--_portico-space-s);
    border: 1px solid var(--_portico-color-muted);
    border-radius: var(--_portico-radius-m);
    background: var(--_portico-color-background);
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
    .button, .field {
      border-color: ButtonText;
    }
    .button:disabled {
      border-color: GrayText;
      color: GrayText;
      opacity: 1;
    }
  }
`;
