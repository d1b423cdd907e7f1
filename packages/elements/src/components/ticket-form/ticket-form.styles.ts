import { css } from 'lit';
import { attachStyles } from '../../styles/chips.styles.js';

export const styles = [
  attachStyles,
  css`
  :host {
    --_gap: var(--portico-ticket-form-gap, var(--_portico-space-l));
    --_border-color: var(--portico-ticket-form-border-color, var(--_portico-color-border));
    --_suggestion-background: var(--portico-ticket-form-suggestion-background, var(--_portico-color-surface));
    --_radius: var(--portico-ticket-form-radius, var(--_portico-radius-l));
  }

  .base,
  .form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    min-inline-size: 0;
  }
  .base {
    container-type: inline-size;
  }
  .field-wrap,
  .suggestions,
  .article,
  .suggestions__list,
  .suggestion-item {
    grid-template-columns: minmax(0, 1fr);
  }
  .field-wrap {
    display: grid;
    gap: var(--_portico-space-xs);
    min-inline-size: 0;
  }
  .label {
    font-weight: 600;
  }
  .required,
  .hint {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
    font-weight: 400;
  }
  .input,
  .textarea,
  .select {
    inline-size: 100%;
  }
  .select {
    max-inline-size: 16rem;
  }
  .textarea {
    min-block-size: 8rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_portico-color-danger);
  }
  .field-error {
    color: var(--_portico-color-danger);
    font-size: var(--_portico-font-size-s);
  }

  .suggestions,
  .article {
    display: grid;
    gap: var(--_portico-space-s);
    padding: var(--_portico-space-m);
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    background: var(--_suggestion-background);
    min-inline-size: 0;
  }
  .suggestions__heading,
  .article__kicker {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
    font-weight: 600;
  }
  .suggestions__list {
    display: grid;
    gap: var(--_portico-space-s);
  }
  .suggestion-item {
    display: grid;
    gap: var(--_portico-space-2xs);
    min-inline-size: 0;
  }
  .suggestion {
    justify-self: start;
    max-inline-size: 100%;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_portico-color-primary);
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .snippet mark {
    color: var(--_portico-color-text);
  }
  .snippet {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
    overflow-wrap: anywhere;
  }
  mark {
    background: color-mix(in srgb, var(--_portico-color-warning) 25%, transparent);
    color: inherit;
  }
  .suggestion mark {
    color: inherit;
    background: none;
    font-weight: 700;
  }
  .article__actions,
  .attach-row,
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_portico-space-s);
  }
  .footer {
    justify-content: flex-end;
  }
  .notice {
    display: grid;
    justify-items: start;
    gap: var(--_portico-space-s);
    padding: var(--_portico-space-m);
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
  }
  .notice--success {
    border-color: var(--_portico-color-success);
  }

  @container (max-width: 479px) {
    .footer > .button,
    .article__actions > .button {
      flex: 1 1 100%;
    }
    .select {
      max-inline-size: none;
    }
  }

  @media (forced-colors: active) {
    [aria-invalid='true'],
    .suggestions,
    .article {
      border-color: CanvasText;
    }
    .field-error {
      color: CanvasText;
    }
    .suggestion {
      color: LinkText;
    }
    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
  }
`,
];
