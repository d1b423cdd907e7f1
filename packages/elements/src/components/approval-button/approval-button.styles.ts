import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--portico-approval-button-gap, var(--_portico-space-s));
    --_approved: var(--portico-approval-button-approved-color, var(--_portico-color-success));
    --_changes: var(--portico-approval-button-changes-color, var(--_portico-color-warning));
    --_dialog-width: var(--portico-approval-button-dialog-width, 32rem);
  }
  .base,
  .content,
  .conflict,
  .form {
    display: grid;
    gap: var(--_gap);
    justify-items: start;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .status {
    border-inline-start: 4px solid var(--_portico-color-border);
    padding-inline-start: var(--_portico-space-s);
  }
  .status:focus {
    outline: none;
  }
  .status:focus-visible {
    outline: 2px solid var(--_portico-focus-ring);
  }
  [data-decision='approved'] {
    border-color: var(--_approved);
  }
  [data-decision='changes_requested'] {
    border-color: var(--_changes);
  }
  .actions,
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_portico-space-s);
  }
  .dialog-actions {
    justify-self: end;
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .reason,
  .failure,
  .field-error {
    font-size: var(--_portico-font-size-s);
  }
  .reason {
    color: var(--_portico-color-muted);
  }
  .field-error {
    color: var(--_portico-color-danger);
  }
  .dialog {
    inline-size: min(var(--_dialog-width), calc(100vw - 2rem));
    padding: var(--_portico-space-l);
    border: 1px solid var(--_portico-color-border);
    border-radius: var(--_portico-radius-l);
    background: var(--_portico-color-background);
    color: var(--_portico-color-text);
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .title {
    font-size: var(--_portico-font-size-l);
  }
  .field {
    inline-size: 100%;
    resize: vertical;
  }
  .field[aria-invalid='true'] {
    border-color: var(--_portico-color-danger);
  }
  @media (forced-colors: active) {
    .status {
      border-color: CanvasText;
    }
    .dialog {
      border-color: CanvasText;
    }
  }
`;
