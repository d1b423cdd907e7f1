import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--portico-approval-history-gap, var(--_portico-space-m));
    --_border-color: var(--portico-approval-history-border-color, var(--_portico-color-border));
    --_approved: var(--portico-approval-history-approved-color, var(--_portico-color-success));
    --_changes: var(--portico-approval-history-changes-color, var(--_portico-color-warning));
  }
  .base,
  .groups,
  .group,
  .entries {
    display: grid;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  .entries {
    gap: var(--_portico-space-s);
  }
  .heading {
    font-size: var(--_portico-font-size);
    font-weight: 700;
  }
  .entry {
    display: grid;
    gap: var(--_portico-space-2xs);
    padding-block: var(--_portico-space-xs);
    padding-inline: var(--_portico-space-s);
    border-inline-start: 4px solid var(--_border-color);
    overflow-wrap: anywhere;
  }
  .entry[data-decision='approved'] {
    border-color: var(--_approved);
  }
  .entry[data-decision='changes_requested'] {
    border-color: var(--_changes);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_portico-space-s);
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .decision {
    font-weight: 600;
  }
  .comment {
    white-space: pre-line;
  }
  @media (forced-colors: active) {
    .entry {
      border-color: CanvasText;
    }
  }
`;
