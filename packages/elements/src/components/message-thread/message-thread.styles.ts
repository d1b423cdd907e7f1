import { css } from 'lit';
import { attachStyles } from '../../styles/chips.styles.js';
import { proseStyles } from '../../styles/prose.styles.js';

export const styles = [
  attachStyles,
  proseStyles,
  css`
  :host {
    --_height: var(--portico-message-thread-height, 32rem);
    --_gap: var(--portico-message-thread-gap, var(--_portico-space-s));
    --_radius: var(--portico-message-thread-radius, var(--_portico-radius-l));
    --_bg: var(--portico-message-thread-message-background, var(--_portico-color-surface));
    --_own-bg: var(
      --portico-message-thread-own-background,
      color-mix(in srgb, var(--_portico-color-primary) 10%, var(--_portico-color-background))
    );
    --_divider: var(--portico-message-thread-divider-color, var(--_portico-color-danger));
  }
  .base,
  .content,
  .composer {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_portico-space-m);
    min-inline-size: 0;
  }
  .base {
    container-type: inline-size;
  }
  .frame {
    position: relative;
    min-inline-size: 0;
  }
  .feed {
    block-size: var(--_height);
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_portico-color-border);
    border-radius: var(--_portico-radius-m);
  }
  .feed:focus-visible {
    outline: 2px solid var(--_portico-color-primary);
    outline-offset: 2px;
  }
  .list {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    padding: var(--_portico-space-s);
  }
  .top {
    display: flex;
    justify-content: center;
    min-block-size: 2.5rem;
    align-items: center;
  }
  .beginning {
    margin: 0;
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .message {
    display: grid;
    gap: var(--_portico-space-2xs);
    min-inline-size: 0;
    max-inline-size: min(44rem, 92%);
    padding: var(--_portico-space-s) var(--_portico-space-m);
    border: 1px solid var(--_portico-color-border);
    border-radius: var(--_radius);
    background: var(--_bg);
    /* Only the messages in view are laid out and painted (a window of 120 moves as the reader scrolls). */
    content-visibility: auto;
    contain-intrinsic-size: auto 6rem;
  }
  .message--own {
    align-self: flex-end;
    background: var(--_own-bg);
  }
  .message--staff {
    border-inline-start: 3px solid var(--_portico-color-primary);
  }
  .message:focus-visible {
    outline: 2px solid var(--_portico-color-primary);
    outline-offset: 2px;
  }
  .byline {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_portico-space-2xs) var(--_portico-space-s);
    margin: 0;
  }
  .author {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .staff-badge,
  .time,
  .sending,
  .size,
  .hint {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .staff-badge {
    padding-inline: var(--_portico-space-xs);
    border: 1px solid var(--_portico-color-border);
    border-radius: var(--_portico-radius-pill);
  }
  .body {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .body[data-format='text'] {
    white-space: pre-wrap;
  }
  a {
    color: var(--_portico-color-primary);
  }
  .attachments {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_portico-space-2xs) var(--_portico-space-m);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_portico-font-size-s);
    overflow-wrap: anywhere;
  }
  .attachments li {
    display: inline-flex;
    gap: var(--_portico-space-xs);
    min-inline-size: 0;
  }
  .divider {
    display: flex;
    align-items: center;
    gap: var(--_portico-space-s);
    color: var(--_divider);
    font-size: var(--_portico-font-size-s);
    font-weight: 600;
  }
  .divider::before,
  .divider::after {
    content: '';
    flex: 1;
    border-block-start: 1px solid var(--_divider);
  }
  .label {
    font-weight: 600;
  }
  .composer {
    gap: var(--_portico-space-s);
  }
  .textarea {
    inline-size: 100%;
    min-block-size: 4.5rem;
    resize: vertical;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_portico-space-s);
  }
  .skeleton-line--message {
    block-size: 4rem;
  }
  @container (max-width: 479px) {
    .message {
      max-inline-size: 100%;
    }
    .toolbar > * {
      flex: 1 1 100%;
    }
  }
`,
];
