import { css } from 'lit';
import { badgeStyles } from '../../styles/badge.styles.js';

export const styles = [
  badgeStyles,
  css`
  :host {
    --_row-padding: var(--portico-ticket-list-row-padding, var(--_portico-space-m));
    --_row-background: var(--portico-ticket-list-row-background, transparent);
    --_row-hover-background: var(--portico-ticket-list-row-hover-background, var(--_portico-color-hover));
    --_row-selected-background: var(--portico-ticket-list-row-selected-background, var(--_portico-color-selected));
    --_border-color: var(--portico-ticket-list-border-color, var(--_portico-color-border));
    --_badge-radius: var(--portico-ticket-list-badge-radius, var(--_portico-radius-pill));
    --_card-radius: var(--portico-ticket-list-card-radius, var(--_portico-radius-l));
    --_gap: var(--portico-ticket-list-gap, var(--_portico-space-m));
  }

  .base {
    container-type: inline-size;
    display: grid;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_portico-space-s);
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_portico-space-s);
  }
  .filter {
    display: grid;
    gap: var(--_portico-space-2xs);
    flex: 1 1 9rem;
    min-inline-size: 0;
  }
  .filter--search {
    flex-basis: 14rem;
    flex-grow: 2;
  }
  .filter__label {
    font-size: var(--_portico-font-size-s);
    color: var(--_portico-color-muted);
  }
  .filter .field {
    inline-size: 100%;
  }

  .list {
    display: grid;
    border: 1px solid var(--_border-color);
    border-radius: var(--_card-radius);
    overflow: hidden;
  }
  .item + .item .row {
    border-block-start: 1px solid var(--_border-color);
  }
  .row {
    display: grid;
    grid-template-columns: minmax(4.5rem, auto) minmax(0, 1fr) auto;
    grid-template-areas:
      'number subject badges'
      'number meta badges';
    align-items: center;
    column-gap: var(--_portico-space-m);
    row-gap: var(--_portico-space-2xs);
    inline-size: 100%;
    margin: 0;
    padding: var(--_row-padding);
    border: 0;
    background: var(--_row-background);
    text-align: start;
    cursor: pointer;
  }
  .row:hover {
    background: var(--_row-hover-background);
  }
  .row[aria-current='true'] {
    background: var(--_row-selected-background);
    box-shadow: inset 3px 0 0 var(--_portico-color-primary);
  }
  .row[aria-current='true']:dir(rtl) {
    box-shadow: inset -3px 0 0 var(--_portico-color-primary);
  }
  .row:focus-visible {
    outline-offset: -2px;
  }
  .number {
    grid-area: number;
    align-self: start;
    color: var(--_portico-color-muted);
    font-variant-numeric: tabular-nums;
  }
  .subject {
    grid-area: subject;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .meta {
    grid-area: meta;
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
    overflow-wrap: anywhere;
  }
  .badges {
    grid-area: badges;
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_portico-space-xs);
  }

  .pagination {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_portico-space-s);
  }
  .pagination__page {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }

  /* Cards on narrow containers. */
  @container (max-width: 479px) {
    .list {
      gap: var(--_portico-space-s);
      border: 0;
      border-radius: 0;
      overflow: visible;
    }
    .item + .item .row {
      border-block-start: 1px solid var(--_border-color);
    }
    .row {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'number' 'subject' 'badges' 'meta';
      border: 1px solid var(--_border-color);
      border-radius: var(--_card-radius);
    }
    .badges {
      justify-content: flex-start;
    }
    .filter,
    .filter--search {
      flex-basis: 100%;
    }
  }

  @media (forced-colors: active) {
    .list,
    .row,
    .badge {
      border-color: CanvasText;
    }
    .badge::before {
      background: CanvasText;
    }
    .row[aria-current='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      box-shadow: none;
    }
    .row[aria-current='true'] .number,
    .row[aria-current='true'] .meta,
    .row[aria-current='true'] .badge {
      color: HighlightText;
      background: Highlight;
      border-color: HighlightText;
    }
  }
`,
];
