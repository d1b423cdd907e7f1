import { css } from 'lit';
import { badgeStyles } from '../../styles/badge.styles.js';
import { attachStyles } from '../../styles/chips.styles.js';
import { proseStyles } from '../../styles/prose.styles.js';

export const styles = [
  badgeStyles,
  attachStyles,
  proseStyles,
  css`
  :host {
    --_gap: var(--portico-ticket-detail-gap, var(--_portico-space-l));
    --_message-padding: var(--portico-ticket-detail-message-padding, var(--_portico-space-m));
    --_message-radius: var(--portico-ticket-detail-message-radius, var(--_portico-radius-l));
    --_message-background: var(--portico-ticket-detail-message-background, transparent);
    --_agent-background: var(--portico-ticket-detail-agent-background, var(--_portico-color-surface));
    --_border-color: var(--portico-ticket-detail-border-color, var(--_portico-color-border));
    --_badge-radius: var(--portico-ticket-detail-badge-radius, var(--_portico-radius-pill));
  }

  .base,
  .content,
  .composer {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    min-inline-size: 0;
  }
  .base {
    container-type: inline-size;
  }

  .header {
    display: grid;
    gap: var(--_portico-space-s);
    padding-block-end: var(--_portico-space-m);
    border-block-end: 1px solid var(--_border-color);
  }
  .number {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
    font-variant-numeric: tabular-nums;
  }
  .subject {
    font-size: var(--_portico-font-size-l);
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_portico-space-2xs) var(--_portico-space-m);
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .badges,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_portico-space-xs);
  }
  .actions {
    gap: var(--_portico-space-s);
  }

  .thread {
    display: grid;
    gap: var(--_portico-space-m);
  }
  .message {
    display: grid;
    gap: var(--_portico-space-xs);
    min-inline-size: 0;
    padding: var(--_message-padding);
    border: 1px solid var(--_border-color);
    border-radius: var(--_message-radius);
    background: var(--_message-background);
  }
  .message[data-author='agent'] {
    background: var(--_agent-background);
    border-inline-start: 3px solid var(--_portico-color-primary);
  }
  .message--pending {
    border-style: dashed;
  }
  .message--pending .body {
    font-style: italic;
  }
  .author {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_portico-space-2xs) var(--_portico-space-s);
  }
  .author__name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .author__role,
  .time,
  .sending,
  .size,
  .hint {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .time {
    margin-inline-start: auto;
  }
  .body[data-format='text'] {
    white-space: pre-wrap;
  }
  a {
    color: var(--_portico-color-primary);
  }
  .message-attachments {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_portico-space-2xs) var(--_portico-space-m);
    font-size: var(--_portico-font-size-s);
    overflow-wrap: anywhere;
  }
  .message-attachments li {
    display: inline-flex;
    gap: var(--_portico-space-xs);
    min-inline-size: 0;
  }
  .more {
    justify-self: center;
  }

  .composer {
    gap: var(--_portico-space-s);
    padding-block-start: var(--_portico-space-m);
    border-block-start: 1px solid var(--_border-color);
  }
  .label {
    font-weight: 600;
  }
  .textarea {
    inline-size: 100%;
    min-block-size: 6rem;
    resize: vertical;
  }
  .textarea[aria-invalid='true'] {
    border-color: var(--_portico-color-danger);
  }
  .inline-error {
    color: var(--_portico-color-danger);
    font-size: var(--_portico-font-size-s);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_portico-space-s);
  }
  .notice {
    padding: var(--_portico-space-m);
    border: 1px solid var(--_border-color);
    border-radius: var(--_portico-radius-m);
    color: var(--_portico-color-muted);
  }

  .skeleton-line--title {
    block-size: 3.5rem;
  }
  .skeleton-line--message {
    block-size: 5rem;
  }

  @container (max-width: 479px) {
    .toolbar > * {
      flex: 1 1 100%;
    }
    .time {
      margin-inline-start: 0;
      flex-basis: 100%;
    }
  }

  @media (forced-colors: active) {
    .badge,
    .message {
      border-color: CanvasText;
    }
    .badge::before {
      background: CanvasText;
    }
    .message[data-author='agent'] {
      border-inline-start-color: Highlight;
    }
    .inline-error {
      color: CanvasText;
    }
    .textarea[aria-invalid='true'] {
      border-color: CanvasText;
    }
  }
`,
];
