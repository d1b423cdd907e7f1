import { css } from 'lit';
import { badgeStyles } from '../../styles/badge.styles.js';

export const styles = [
  badgeStyles,
  css`
    :host {
      --_stage-height: var(--portico-deliverable-viewer-stage-height, 70vh);
      --_stage-bg: var(--portico-deliverable-viewer-stage-background, var(--_portico-color-surface));
      --_marker: var(--portico-deliverable-viewer-marker-color, var(--_portico-color-primary));
    }
    .base,
    .content {
      container-type: inline-size;
      display: grid;
      gap: var(--_portico-space-m);
      min-inline-size: 0;
    }
    .header,
    .toolbar,
    .group,
    .versions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_portico-space-s);
    }
    .title {
      font-size: var(--_portico-font-size-l);
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .versions {
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    .legend {
      float: inline-start;
      margin-inline-end: var(--_portico-space-s);
      color: var(--_portico-color-muted);
      font-size: var(--_portico-font-size-s);
    }
    .more {
      margin: var(--_portico-space-2xs) 0 0;
      color: var(--_portico-color-muted);
      font-size: var(--_portico-font-size-s);
    }
    .version {
      display: inline-flex;
      align-items: center;
      gap: var(--_portico-space-2xs);
      padding: var(--_portico-space-2xs) var(--_portico-space-s);
      border: 1px solid var(--_portico-color-border);
      border-radius: var(--_portico-radius-pill);
      cursor: pointer;
    }
    .version:has(:checked) {
      border-color: var(--_portico-color-primary);
      background: var(--_portico-color-selected);
    }
    .current {
      color: var(--_portico-color-muted);
      font-size: var(--_portico-font-size-s);
    }
    .download {
      margin-inline-start: auto;
      text-decoration: none;
    }
    .notice {
      margin: 0;
      padding: var(--_portico-space-m);
      border-radius: var(--_portico-radius-m);
      background: var(--_stage-bg);
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: var(--_portico-space-s) var(--_portico-space-m);
      margin: 0;
    }
    .fact {
      min-inline-size: 0;
    }
    dt {
      color: var(--_portico-color-muted);
      font-size: var(--_portico-font-size-s);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .copy {
      margin-inline-start: var(--_portico-space-xs);
      padding-block: 0;
      font-size: var(--_portico-font-size-xs);
    }
    @container (max-width: 479px) {
      .facts {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    @media (forced-colors: active) {
      .version:has(:checked) {
        border-color: Highlight;
      }
    }
  `,
];
