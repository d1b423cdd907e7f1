import type { CSSResult, css as Css } from 'lit';

let styles: CSSResult | undefined;

/**
 * The previews' styles (zoom, panes, stage, region markers, PDF page, media, text): what only a
 * previewer draws, so they come with the previewers (the viewer adds them to its shadow root,
 * `adoptLate`, when it first draws one) instead of sitting in every page's bundle. lit's `css` is
 * passed in (the previewers' kit), so that the lazy modules carry no copy of lit.
 */
export const previewStyles = (css: typeof Css): CSSResult =>
  (styles ??= css`
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
    /* The text comparison (deliverable-viewer.diff.ts). */
    .diff-view {
      display: grid;
      gap: var(--_portico-space-s);
      min-inline-size: 0;
    }
    .diff-head {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_portico-space-s);
      align-items: center;
      justify-content: space-between;
    }
    .diff-summary {
      margin: 0;
    }
    .diff {
      max-block-size: var(--_stage-height);
      overflow: auto;
      padding: var(--_portico-space-s);
      border-radius: var(--_portico-radius-m);
      background: var(--_stage-bg);
      font-family: ui-monospace, monospace;
      font-size: var(--_portico-font-size-s);
    }
    .diff-line {
      display: flex;
      gap: var(--_portico-space-xs);
      min-block-size: 1.5em;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .diff-line > :last-child {
      flex: 1;
      min-inline-size: 0;
    }
    .sign {
      flex: none;
      inline-size: 1ch;
      font-weight: bold;
    }
    .diff-words {
      margin: 0;
      font: inherit;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    ins,
    del {
      color: inherit;
      text-decoration-thickness: 2px;
    }
    ins {
      background: color-mix(in srgb, var(--_portico-color-success) 22%, transparent);
      text-decoration-line: underline;
    }
    del {
      background: color-mix(in srgb, var(--_portico-color-danger) 22%, transparent);
      text-decoration-line: line-through;
    }
    .diff-line--ins {
      background: color-mix(in srgb, var(--_portico-color-success) 10%, transparent);
    }
    .diff-line--del {
      background: color-mix(in srgb, var(--_portico-color-danger) 10%, transparent);
    }
    .diff-line ins,
    .diff-line del {
      background: none;
    }
    .diff-fold {
      display: block;
      inline-size: 100%;
      margin-block: var(--_portico-space-2xs);
      padding: var(--_portico-space-2xs) var(--_portico-space-s);
      border: 1px dashed var(--_portico-color-border);
      border-radius: var(--_portico-radius-s);
      background: none;
      color: var(--_portico-color-primary);
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    @container (max-width: 479px) {
      .panes--compare {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    @media (forced-colors: active) {
      .marker,
      .draft {
        border-color: Highlight;
      }
      .marker span {
        background: Highlight;
        color: HighlightText;
      }
    }
  `);
