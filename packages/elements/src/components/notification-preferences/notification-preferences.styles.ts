import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_on: var(--portico-notification-preferences-on-color, var(--_portico-color-primary));
  }
  .base {
    display: grid;
    gap: var(--_portico-space-s);
    min-inline-size: 0;
  }
  .table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: var(--_portico-space-s) var(--_portico-space-xs);
    border-block-end: 1px solid var(--_portico-color-border);
    text-align: start;
    vertical-align: middle;
  }
  thead th {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
    font-weight: 600;
  }
  td {
    text-align: center;
    inline-size: 7rem;
  }
  .name {
    display: block;
    font-weight: 600;
  }
  .hint {
    display: block;
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
    font-weight: 400;
    overflow-wrap: anywhere;
  }
  .switch {
    appearance: none;
    position: relative;
    inline-size: 2.75rem;
    block-size: 1.5rem;
    margin: 0;
    border: 1px solid var(--_portico-color-muted);
    border-radius: 999px;
    background: var(--_portico-color-surface);
    cursor: pointer;
    transition: background 0.15s;
  }
  .switch::before {
    content: '';
    position: absolute;
    inset-block-start: 2px;
    inset-inline-start: 2px;
    inline-size: calc(1.5rem - 6px);
    block-size: calc(1.5rem - 6px);
    border-radius: 50%;
    background: var(--_portico-color-muted);
    transition: inset-inline-start 0.15s;
  }
  .switch:checked {
    border-color: var(--_on);
    background: var(--_on);
  }
  .switch:checked::before {
    inset-inline-start: calc(100% - 1.5rem + 4px);
    background: var(--_portico-color-on-primary);
  }
  .switch:focus-visible {
    outline: 2px solid var(--_portico-focus-ring);
    outline-offset: 2px;
  }
  .switch:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  .status:empty {
    display: none;
  }
  .status {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  @media (prefers-reduced-motion: reduce) {
    .switch,
    .switch::before {
      transition: none;
    }
  }
  @media (max-width: 24rem) {
    td {
      inline-size: 4.5rem;
    }
  }
  @media (forced-colors: active) {
    .switch {
      appearance: auto;
    }
    .switch::before {
      display: none;
    }
  }
`;
