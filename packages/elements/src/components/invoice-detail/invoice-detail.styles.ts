import { css } from 'lit';
import { badgeStyles } from '../../styles/badge.styles.js';

export const styles = [
  badgeStyles,
  css`
    :host {
      display: block;
      --_gap: var(--portico-invoice-detail-gap, var(--_portico-space-l));
      --_border-color: var(--portico-invoice-detail-border-color, var(--_portico-color-border));
      --_radius: var(--portico-invoice-detail-radius, var(--_portico-radius-l));
      --_credit: var(--portico-invoice-detail-credit-color, var(--_portico-color-success));
    }
    .invoice {
      display: grid;
      gap: var(--_gap);
      min-inline-size: 0;
    }
    .header {
      display: grid;
      gap: var(--_portico-space-m);
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .heading-row,
    .dates,
    .actions {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_portico-space-s) var(--_portico-space-l);
      margin: 0;
    }
    .title {
      font-size: var(--_portico-font-size-l);
      font-weight: 600;
    }
    .dates dt,
    .label,
    .sub,
    .muted,
    thead th {
      color: var(--_portico-color-muted);
      font-size: var(--_portico-font-size-s);
      font-weight: normal;
    }
    .label {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .customer {
      grid-column: 1 / -1;
    }
    .customer__address {
      white-space: pre-line;
    }
    .section {
      display: grid;
      gap: var(--_portico-space-s);
      min-inline-size: 0;
    }
    .scroll {
      overflow-x: auto;
      border: 1px solid var(--_border-color);
      border-radius: var(--_radius);
    }
    .scroll:focus-visible {
      outline: 2px solid var(--_portico-focus-ring);
      outline-offset: 2px;
    }
    .table {
      inline-size: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: var(--_portico-space-s) var(--_portico-space-m);
      text-align: start;
      vertical-align: top;
      border-block-end: 1px solid var(--_border-color);
    }
    tbody tr:last-child > * {
      border-block-end: 0;
    }
    tbody th {
      font-weight: normal;
    }
    .desc .sub {
      display: block;
    }
    .num {
      text-align: end;
      white-space: nowrap;
    }
    [data-negative] {
      color: var(--_credit);
    }
    .summary {
      display: grid;
      gap: var(--_portico-space-xs);
      margin: 0;
      margin-inline-start: auto;
      min-inline-size: min(100%, 20rem);
      font-variant-numeric: tabular-nums;
    }
    .summary > div {
      display: flex;
      justify-content: space-between;
      gap: var(--_portico-space-l);
    }
    .summary .total,
    .summary .due {
      font-weight: 600;
      border-block-start: 1px solid var(--_border-color);
      padding-block-start: var(--_portico-space-xs);
    }
    .memo p {
      margin: 0;
      white-space: pre-line;
    }
    .skeleton-line--title {
      inline-size: 40%;
    }
    a.button {
      text-decoration: none;
    }
    @media (forced-colors: active) {
      [data-negative] {
        color: CanvasText;
      }
    }
  `,
];
