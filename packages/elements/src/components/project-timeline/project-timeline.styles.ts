import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--portico-project-timeline-gap, var(--_portico-space-m));
    --_line: var(--portico-project-timeline-line-color, var(--_portico-color-border));
    --_done: var(--portico-project-timeline-done-color, var(--_portico-color-success));
    --_active: var(--portico-project-timeline-active-color, var(--_portico-color-primary));
    --_overdue: var(--portico-project-timeline-overdue-color, var(--_portico-color-danger));
  }
  .more {
    margin: var(--_gap) 0 0;
    color: var(--_portico-color-muted);
  }
  .list {
    display: grid;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  .milestone {
    position: relative;
    display: grid;
    gap: var(--_portico-space-2xs);
    padding-inline-start: var(--_portico-space-xl);
    overflow-wrap: anywhere;
  }
  /* The rail and a marker per milestone; the status is also written out. */
  .milestone::before {
    content: '';
    position: absolute;
    inset-block: 0.35em calc(-1 * var(--_gap));
    inset-inline-start: 0.4rem;
    border-inline-start: 2px solid var(--_line);
  }
  .milestone:last-child::before {
    display: none;
  }
  .marker {
    position: absolute;
    inset-block-start: 0.3em;
    inset-inline-start: 0;
    inline-size: 1rem;
    block-size: 1rem;
    border: 2px solid var(--_line);
    border-radius: 50%;
    background: var(--_portico-color-background);
  }
  [data-status='in_progress'] .marker {
    border-color: var(--_active);
  }
  [data-status='done'] .marker {
    border-color: var(--_done);
    background: var(--_done);
  }
  .title {
    font-weight: 600;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_portico-space-s);
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .overdue {
    color: var(--_overdue);
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .marker,
    .milestone::before {
      border-color: CanvasText;
    }
    [data-status='done'] .marker {
      background: CanvasText;
    }
  }
`;
