import { css } from 'lit';
import { badgeStyles } from '../../styles/badge.styles.js';

export const styles = [
  badgeStyles,
  css`
    :host {
      --_border: var(--portico-document-requests-border-color, var(--_portico-color-border));
      --_radius: var(--portico-document-requests-radius, var(--_portico-radius-l));
      --_gap: var(--portico-document-requests-gap, var(--_portico-space-m));
      --_border-color: var(--_border);
    }
    .base,
    .requests {
      display: grid;
      gap: var(--_gap);
      min-inline-size: 0;
    }
    .request {
      display: grid;
      gap: var(--_portico-space-s);
      padding: var(--_portico-space-m);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-inline-size: 0;
    }
    .request__head,
    .item__head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_portico-space-xs) var(--_portico-space-s);
      min-inline-size: 0;
    }
    .title {
      margin: 0;
      font-size: var(--_portico-font-size-l, 1.125rem);
      overflow-wrap: anywhere;
    }
    .due {
      font-size: var(--_portico-font-size-s);
      color: var(--_portico-color-muted);
    }
    .due[data-overdue] {
      color: var(--_portico-color-danger);
      font-weight: 600;
    }
    .instructions {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .progress,
    .meta,
    .hint {
      margin: 0;
      font-size: var(--_portico-font-size-s);
      color: var(--_portico-color-muted);
    }
    .items,
    .files {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_portico-space-s);
    }
    .item {
      display: grid;
      gap: var(--_portico-space-xs);
      padding-block-start: var(--_portico-space-s);
      border-block-start: 1px solid var(--_border);
      min-inline-size: 0;
    }
    .label {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .reason {
      margin: 0;
      padding: var(--_portico-space-xs) var(--_portico-space-s);
      border-inline-start: 3px solid var(--_portico-color-danger);
      overflow-wrap: anywhere;
    }
    .file {
      overflow-wrap: anywhere;
      color: inherit;
      text-decoration: underline;
    }
    .upload,
    .reason-form {
      display: grid;
      gap: var(--_portico-space-xs);
      min-inline-size: 0;
    }
    .upload__buttons,
    .review {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_portico-space-xs);
    }
    .file-input:focus-visible + .button {
      outline: 2px solid var(--_portico-color-focus, var(--_portico-color-primary));
      outline-offset: 2px;
    }
    .field {
      inline-size: 100%;
      box-sizing: border-box;
    }
    @media (forced-colors: active) {
      .due[data-overdue],
      .reason {
        color: CanvasText;
        border-color: CanvasText;
      }
    }
  `,
];
