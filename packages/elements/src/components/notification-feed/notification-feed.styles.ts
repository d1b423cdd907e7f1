import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_gap: var(--portico-notification-feed-gap, var(--_portico-space-s));
    --_unread: var(--portico-notification-feed-unread-color, var(--_portico-color-primary));
  }
  .base {
    display: grid;
    gap: var(--_portico-space-s);
    min-inline-size: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_portico-space-s);
  }
  .views {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--_portico-space-2xs);
  }
  .view[aria-pressed='true'] {
    border-color: var(--_unread);
    box-shadow: inset 0 -2px 0 var(--_unread);
    font-weight: 600;
  }
  .status:empty {
    display: none;
  }
  .status {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .list {
    display: grid;
    gap: var(--_gap);
  }
  .item {
    display: grid;
    gap: var(--_portico-space-2xs);
    padding-block: var(--_portico-space-xs);
    padding-inline: var(--_portico-space-s);
    border-inline-start: 4px solid var(--_portico-color-border);
    overflow-wrap: anywhere;
  }
  .item[data-unread] {
    border-color: var(--_unread);
  }
  .item[data-unread] .title {
    font-weight: 700;
  }
  .body {
    white-space: pre-line;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_portico-space-s);
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_portico-space-s);
  }
  .link {
    color: var(--_portico-color-primary);
  }
  :host([compact]) .item {
    padding-inline: var(--_portico-space-xs);
  }
  :host([compact]) .button {
    padding-block: 0;
  }
  @media (forced-colors: active) {
    .item[data-unread] {
      border-color: Highlight;
    }
  }
`;
