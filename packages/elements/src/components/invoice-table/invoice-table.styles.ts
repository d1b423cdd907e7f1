import { css } from 'lit';
import { badgeStyles } from '../../styles/badge.styles.js';

export const styles = [
  badgeStyles,
  css`
  :host {
    --_cell-padding: var(--portico-invoice-table-row-padding, var(--_portico-space-s) var(--_portico-space-m));
    --_row-background: var(--portico-invoice-table-row-background, transparent);
    --_row-hover-background: var(--portico-invoice-table-row-hover-background, var(--_portico-color-hover));
    --_row-selected-background: var(--portico-invoice-table-row-selected-background, var(--_portico-color-selected));
    --_header-background: var(--portico-invoice-table-header-background, var(--_portico-color-background));
    --_border-color: var(--portico-invoice-table-border-color, var(--_portico-color-border));
    --_radius: var(--portico-invoice-table-radius, var(--_portico-radius-l));
    --_badge-radius: var(--portico-invoice-table-badge-radius, var(--_portico-radius-pill));
    --_gap: var(--portico-invoice-table-gap, var(--_portico-space-m));
    --_sticky-top: var(--portico-invoice-table-sticky-top, 0);
    --_columns: minmax(0, 1.1fr) minmax(0, 1fr) minmax(0, 1.2fr) minmax(0, 0.9fr) minmax(0, 1.1fr) minmax(0, 1fr);
  }

  .base {
    container-type: inline-size;
    display: grid;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  .header,
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--_portico-space-s);
  }
  .filter {
    display: grid;
    gap: var(--_portico-space-2xs);
    flex: 0 1 14rem;
    min-inline-size: 0;
  }
  .filter__label {
    font-size: var(--_portico-font-size-s);
    color: var(--_portico-color-muted);
  }
  .filter .field {
    inline-size: 100%;
  }
  .totals {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_portico-space-xs) var(--_portico-space-l);
    min-inline-size: 0;
  }
  .total {
    display: grid;
    font-variant-numeric: tabular-nums;
  }
  .total__meta,
  .totals__error {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }

  .table {
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  .head {
    position: sticky;
    inset-block-start: var(--_sticky-top);
    z-index: 1;
    background: var(--_header-background);
    border-block-end: 1px solid var(--_border-color);
    border-start-start-radius: var(--_radius);
    border-start-end-radius: var(--_radius);
  }
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    align-items: center;
    inline-size: 100%;
    background: var(--_row-background);
  }
  .row--head {
    background: transparent;
    font-size: var(--_portico-font-size-s);
    color: var(--_portico-color-muted);
  }
  .body > .row {
    border-block-end: 1px solid var(--_border-color);
    cursor: pointer;
  }
  .body > .row:hover {
    background: var(--_row-hover-background);
  }
  .body > .row[aria-current='true'] {
    background: var(--_row-selected-background);
    box-shadow: inset 3px 0 0 var(--_portico-color-primary);
  }
  .body > .row[aria-current='true']:dir(rtl) {
    box-shadow: inset -3px 0 0 var(--_portico-color-primary);
  }
  .body > .row:focus-visible {
    outline-offset: -2px;
  }
  .cell {
    padding: var(--_cell-padding);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .cell--head {
    font-weight: 600;
  }
  .cell--number {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .cell--amount {
    display: grid;
    justify-items: end;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .cell--head[data-field='total'] {
    text-align: end;
  }
  .cell--status {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_portico-space-2xs);
  }
  .sort-note {
    display: block;
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-xs);
    font-weight: normal;
  }
  .amount-due {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-xs);
  }
  .cell--actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_portico-space-s);
  }
  .sort-button {
    display: inline-flex;
    align-items: center;
    gap: var(--_portico-space-2xs);
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-align: start;
  }
  .sort-icon {
    font-size: 0.75em;
  }
  .link {
    color: var(--_portico-color-primary);
    font-weight: 600;
    white-space: nowrap;
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_portico-space-s);
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .more:empty {
    display: none;
  }

  /* Cards on narrow containers: the header row stays for assistive technology only. */
  @container (max-width: 479px) {
    .table {
      border: 0;
    }
    .head {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .body > .row {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      padding-block: var(--_portico-space-xs);
      border: 1px solid var(--_border-color);
      border-radius: var(--_radius);
      /* The gap between cards (the virtualizer positions rows, so margins do not collapse). */
      margin-block-end: var(--_portico-space-s);
    }
    .cell[data-label]::before {
      content: attr(data-label) ': ';
      color: var(--_portico-color-muted);
      font-size: var(--_portico-font-size-xs);
    }
    .cell--amount {
      justify-items: end;
    }
    .cell--actions {
      grid-column: 1 / -1;
      justify-content: flex-start;
    }
  }

  @media (forced-colors: active) {
    .table,
    .head,
    .body > .row,
    .badge {
      border-color: CanvasText;
    }
    .body > .row[aria-current='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      box-shadow: none;
    }
    .link {
      color: LinkText;
    }
  }
`,
];
