import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_gap: var(--portico-subscription-gap, var(--_portico-space-m));
    --_border-color: var(--portico-subscription-border-color, var(--_portico-color-border));
  }
  .content {
    display: grid;
    gap: var(--_gap);
  }
  .head,
  .actions,
  .scheduled {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_portico-space-s) var(--_portico-space-m);
  }
  .plan {
    font-size: var(--_portico-font-size-l);
    font-weight: 600;
  }
  .details {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: var(--_portico-space-m);
    margin: 0;
  }
  dt,
  .muted {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  dd {
    margin: 0;
    display: grid;
  }
  .scheduled {
    padding: var(--_portico-space-s) var(--_portico-space-m);
    border: 1px solid var(--_border-color);
    border-radius: var(--_portico-radius-l);
  }
  .notice {
    margin: 0;
    color: var(--_portico-color-danger);
  }
  .button--danger {
    border-color: var(--_portico-color-danger);
    color: var(--_portico-color-danger);
  }
  @media (forced-colors: active) {
    .notice {
      color: CanvasText;
    }
  }
`;
