import { css } from 'lit';
import { badgeStyles } from '../../styles/badge.styles.js';

export const styles = [
  badgeStyles,
  css`
    :host {
      --_row-padding: var(--portico-deliverable-list-row-padding, var(--_portico-space-m));
      --_border: var(--portico-deliverable-list-border-color, var(--_portico-color-border));
      --_radius: var(--portico-deliverable-list-radius, var(--_portico-radius-l));
    }
    .base {
      container-type: inline-size;
      display: grid;
      gap: var(--_portico-space-m);
      min-inline-size: 0;
    }
    .filter {
      display: grid;
      gap: var(--_portico-space-2xs);
      max-inline-size: 16rem;
    }
    .filter__label {
      font-size: var(--_portico-font-size-s);
      color: var(--_portico-color-muted);
    }
    .list {
      display: grid;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow: hidden;
    }
    li + li .row {
      border-block-start: 1px solid var(--_border);
    }
    .row {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto auto;
      grid-template-areas: 'title version badges' 'meta meta badges';
      align-items: center;
      gap: var(--_portico-space-2xs) var(--_portico-space-m);
      inline-size: 100%;
      padding: var(--_row-padding);
      border: 0;
      background: transparent;
      text-align: start;
      cursor: pointer;
    }
    .row:hover {
      background: var(--_portico-color-hover);
    }
    .row[aria-current='true'] {
      background: var(--_portico-color-selected);
      box-shadow: inset 3px 0 0 var(--_portico-color-primary);
    }
    .row[aria-current='true']:dir(rtl) {
      box-shadow: inset -3px 0 0 var(--_portico-color-primary);
    }
    .row:focus-visible {
      outline-offset: -2px;
    }
    .title {
      grid-area: title;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .version {
      grid-area: version;
      color: var(--_portico-color-muted);
      font-variant-numeric: tabular-nums;
    }
    .badges {
      grid-area: badges;
    }
    .meta {
      grid-area: meta;
      color: var(--_portico-color-muted);
      font-size: var(--_portico-font-size-s);
      overflow-wrap: anywhere;
    }
    @container (max-width: 479px) {
      .row {
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-areas: 'title version' 'badges badges' 'meta meta';
      }
    }
    @media (forced-colors: active) {
      .list,
      .row {
        border-color: CanvasText;
      }
      .row[aria-current='true'] {
        outline: 2px solid Highlight;
      }
    }
  `,
];
