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
    .zoom {
      min-inline-size: 3.5em;
      text-align: center;
      font-variant-numeric: tabular-nums;
    }
    .panes {
      display: grid;
      gap: var(--_portico-space-s);
    }
    .panes--compare {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .pane {
      display: grid;
      gap: var(--_portico-space-2xs);
      margin: 0;
      min-inline-size: 0;
    }
    .caption {
      color: var(--_portico-color-muted);
      font-size: var(--_portico-font-size-s);
    }
    .stage {
      max-block-size: var(--_stage-height);
      overflow: auto;
      border-radius: var(--_portico-radius-m);
      background: var(--_stage-bg);
    }
    .canvas {
      position: relative;
      min-inline-size: 0;
    }
    .image {
      display: block;
      inline-size: 100%;
      block-size: auto;
    }
    .marker,
    .draft {
      position: absolute;
      box-sizing: border-box;
      border: 2px solid var(--_marker);
      background: color-mix(in srgb, var(--_marker) 15%, transparent);
    }
    /* Only the number badge takes clicks: a box lets them through to the markers under it. */
    .marker {
      display: flex;
      align-items: flex-start;
      justify-content: flex-start;
      min-inline-size: 24px;
      min-block-size: 24px;
      padding: 0;
      border-radius: var(--_portico-radius-s);
      color: var(--_portico-color-on-primary);
      pointer-events: none;
    }
    .marker span {
      pointer-events: auto;
      cursor: pointer;
      min-inline-size: 1.5em;
      margin-inline-start: calc(var(--_stack, 0) * 1.75em);
      padding-inline: 0.3em;
      background: var(--_marker);
      font-size: var(--_portico-font-size-xs);
      line-height: 1.5;
      text-align: center;
    }
    .draft {
      border-style: dashed;
      pointer-events: none;
    }
    .pick {
      position: absolute;
      inset: 0;
      cursor: crosshair;
      touch-action: none;
    }
    .page {
      display: block;
      inline-size: 100%;
      block-size: auto;
      background: #fff; /* a PDF page is paper, also in the dark theme */
    }
    .link {
      color: var(--_portico-color-primary);
    }
    .media {
      display: block;
      inline-size: 100%;
      max-block-size: var(--_stage-height);
    }
    .text {
      margin: 0;
      max-block-size: var(--_stage-height);
      overflow: auto;
      padding: var(--_portico-space-m);
      border-radius: var(--_portico-radius-m);
      background: var(--_stage-bg);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
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
      .panes--compare {
        grid-template-columns: minmax(0, 1fr);
      }
      .facts {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    @media (forced-colors: active) {
      .marker,
      .draft,
      .version:has(:checked) {
        border-color: Highlight;
      }
      .marker span {
        background: Highlight;
        color: HighlightText;
      }
    }
  `,
];
