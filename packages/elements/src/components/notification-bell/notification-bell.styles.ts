import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    position: relative;
    --_size: var(--portico-notification-bell-size, calc(var(--_portico-space) * 10));
    --_badge: var(--portico-notification-bell-badge-color, var(--_portico-color-danger));
    --_width: var(--portico-notification-bell-panel-width, 24rem);
  }
  .bell {
    position: relative;
    display: inline-grid;
    place-items: center;
    inline-size: var(--_size);
    block-size: var(--_size);
    padding: 0;
    border: 1px solid transparent;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .bell:hover {
    border-color: var(--_portico-color-border);
  }
  .bell:focus-visible,
  .panel:focus-visible {
    outline: 2px solid var(--_portico-focus-ring);
    outline-offset: 2px;
  }
  svg {
    fill: currentColor;
  }
  .badge {
    position: absolute;
    inset-block-start: 0;
    inset-inline-end: 0;
    min-inline-size: 1.25rem;
    padding-inline: 0.25rem;
    border-radius: 999px;
    background: var(--_badge);
    color: var(--_portico-color-on-primary);
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.25rem;
    text-align: center;
  }
  .panel {
    position: absolute;
    z-index: 10;
    inset-block-start: calc(100% + var(--_portico-space-xs));
    inset-inline-end: 0;
    display: grid;
    gap: var(--_portico-space-s);
    inline-size: min(var(--_width), calc(100vw - 1rem));
    max-block-size: min(32rem, 80vh);
    overflow: auto;
    padding: var(--_portico-space-s);
    border: 1px solid var(--_portico-color-border);
    border-radius: var(--_portico-radius);
    background: var(--_portico-color-background);
    color: var(--_portico-color-text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
    text-align: start;
  }
  @media (max-width: 30rem) {
    .panel {
      position: fixed;
      inset-inline: 0.5rem;
      inset-block-start: var(--_panel-top, 3.5rem);
      inline-size: auto;
      max-block-size: calc(100vh - var(--_panel-top, 3.5rem) - 0.5rem);
    }
  }
  .all {
    justify-self: center;
    color: var(--_portico-color-primary);
  }
  @media (forced-colors: active) {
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
