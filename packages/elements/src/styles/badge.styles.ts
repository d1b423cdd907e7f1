import { css } from 'lit';

/**
 * The status badge every component uses (`<span class="badge" data-tone="success">`): a tinted
 * pill with a dot, its tone one of `primary`, `success`, `warning`, `danger` (muted otherwise).
 * A component sets `--_badge-radius` from its own public variable; the default is a pill.
 */
export const badgeStyles = css`
  .badge {
    --_tone: var(--_portico-color-muted);
    display: inline-flex;
    align-items: center;
    gap: var(--_portico-space-xs);
    padding-block: 0;
    padding-inline: var(--_portico-space-s);
    border: 1px solid color-mix(in srgb, var(--_tone) 45%, var(--_portico-color-background));
    border-radius: var(--_badge-radius, var(--_portico-radius-pill));
    background: color-mix(in srgb, var(--_tone) 12%, var(--_portico-color-background));
    color: var(--_portico-color-text);
    font-size: var(--_portico-font-size-xs);
    line-height: 1.6;
    white-space: nowrap;
  }
  .badge::before {
    content: '';
    inline-size: 0.5em;
    block-size: 0.5em;
    border-radius: 50%;
    background: var(--_tone);
  }
  .badge[data-tone='primary'] {
    --_tone: var(--_portico-color-primary);
  }
  .badge[data-tone='success'] {
    --_tone: var(--_portico-color-success);
  }
  .badge[data-tone='warning'] {
    --_tone: var(--_portico-color-warning);
  }
  .badge[data-tone='danger'] {
    --_tone: var(--_portico-color-danger);
  }
  @media (forced-colors: active) {
    .badge {
      border-color: CanvasText;
    }
    .badge::before {
      background: CanvasText;
    }
  }
`;
