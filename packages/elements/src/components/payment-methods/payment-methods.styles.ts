import { css } from 'lit';
import { badgeStyles } from '../../styles/badge.styles.js';

export const styles = [
  badgeStyles,
  css`
    :host {
      display: block;
      --_gap: var(--portico-payment-methods-gap, var(--_portico-space-s));
      --_border-color: var(--portico-payment-methods-border-color, var(--_portico-color-border));
      --_radius: var(--portico-payment-methods-radius, var(--_portico-radius-l));
    }
    .content {
      display: grid;
      gap: var(--_portico-space-m);
    }
    .list {
      display: grid;
      gap: var(--_gap);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .method {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_portico-space-s) var(--_portico-space-m);
      padding: var(--_portico-space-m);
      border: 1px solid var(--_border-color);
      border-radius: var(--_radius);
    }
    .info {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--_portico-space-xs) var(--_portico-space-m);
      min-inline-size: 0;
    }
    .name {
      font-weight: 600;
    }
    .muted {
      color: var(--_portico-color-muted);
      font-size: var(--_portico-font-size-s);
    }
    .badges,
    .actions,
    .confirm,
    .footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_portico-space-s);
    }
    .footer {
      justify-content: space-between;
    }
    .hint {
      flex-basis: 100%;
      margin: 0;
    }
    .button[aria-disabled='true'] {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .button--danger {
      border-color: var(--_portico-color-danger);
      color: var(--_portico-color-danger);
    }
    .auto-pay {
      display: grid;
      grid-template-columns: auto 1fr;
      align-items: center;
      gap: var(--_portico-space-2xs) var(--_portico-space-s);
    }
    .auto-pay .muted {
      grid-column: 2;
    }
    input[type='checkbox'] {
      inline-size: 1.25rem;
      block-size: 1.25rem;
      accent-color: var(--_portico-color-primary);
    }
    input:focus-visible {
      outline: 2px solid var(--_portico-focus-ring);
      outline-offset: 2px;
    }
  `,
];
