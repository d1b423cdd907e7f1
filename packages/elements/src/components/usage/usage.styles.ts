import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_min: var(--portico-usage-columns-min, 16rem);
    --_gap: var(--portico-usage-gap, var(--_portico-space-m));
    --_border-color: var(--portico-usage-border-color, var(--_portico-color-border));
    --_radius: var(--portico-usage-radius, var(--_portico-radius-l));
    --_bar: var(--portico-usage-bar-color, var(--_portico-color-primary));
    --_warning: var(--portico-usage-warning-color, var(--_portico-color-warning));
    --_danger: var(--portico-usage-danger-color, var(--_portico-color-danger));
  }
  .meters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_min)), 1fr));
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .meter {
    --_tone: var(--_bar);
    display: grid;
    align-content: start;
    gap: var(--_portico-space-xs);
    padding: var(--_portico-space-m);
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  .meter[data-state='warning'],
  .meter[data-state='over'] {
    --_tone: var(--_warning);
  }
  .meter[data-state='reached'] {
    --_tone: var(--_danger);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_portico-space-s);
  }
  .name {
    font-weight: 600;
  }
  p {
    margin: 0;
  }
  .amount {
    font-size: var(--_portico-font-size-l);
    font-variant-numeric: tabular-nums;
  }
  .muted {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .bar {
    block-size: 0.5rem;
    border-radius: var(--_portico-radius-pill);
    background: var(--_portico-color-skeleton);
    overflow: hidden;
  }
  .fill {
    block-size: 100%;
    background: var(--_tone);
  }
  .chart {
    inline-size: 100%;
    block-size: 4rem;
    overflow: visible;
  }
  .line,
  .limit-line,
  .projection-line {
    fill: none;
    vector-effect: non-scaling-stroke;
    stroke-width: 2;
  }
  .line {
    stroke: var(--_tone);
  }
  .limit-line {
    stroke: var(--_portico-color-muted);
    stroke-dasharray: 4 3;
    stroke-width: 1;
  }
  .projection-line {
    stroke: var(--_tone);
    stroke-dasharray: 2 3;
  }
  .projection[data-over] {
    color: var(--_danger);
  }
  .data summary {
    cursor: pointer;
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: var(--_portico-font-size-s);
    font-variant-numeric: tabular-nums;
  }
  .table th,
  .table td {
    padding: var(--_portico-space-2xs) var(--_portico-space-s);
    text-align: start;
    font-weight: normal;
    border-block-end: 1px solid var(--_border-color);
  }
  .table td {
    text-align: end;
  }
  [dir='rtl'] .chart {
    transform: scaleX(-1);
  }
  @media (forced-colors: active) {
    .fill {
      background: Highlight;
    }
    .line,
    .projection-line {
      stroke: CanvasText;
    }
    .projection[data-over] {
      color: CanvasText;
    }
  }
`;
