import { css } from 'lit';

export const styles = css`
  :host {
    --_popup-background: var(--portico-kb-search-popup-background, var(--_portico-color-background));
    --_popup-shadow: var(--portico-kb-search-popup-shadow, 0 8px 24px color-mix(in srgb, var(--_portico-color-text) 14%, transparent));
    --_popup-max-height: var(--portico-kb-search-popup-max-height, none);
    --_border-color: var(--portico-kb-search-border-color, var(--_portico-color-border));
    --_radius: var(--portico-kb-search-radius, var(--_portico-radius-l));
    --_option-padding: var(--portico-kb-search-option-padding, var(--_portico-space-s) var(--_portico-space-m));
    --_option-active-background: var(--portico-kb-search-option-active-background, var(--_portico-color-selected));
    --_highlight-background: var(
      --portico-kb-search-highlight-background,
      color-mix(in srgb, var(--_portico-color-warning) 28%, var(--_portico-color-background))
    );
    --_highlight-color: var(--portico-kb-search-highlight-color, var(--_portico-color-text));
  }

  .base {
    container-type: inline-size;
    position: relative;
    display: grid;
    gap: var(--_portico-space-xs);
    min-inline-size: 0;
  }
  .form {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_portico-space-s);
  }
  .label {
    flex-basis: 100%;
    font-weight: 600;
  }
  .field-wrap {
    flex: 1 1 14rem;
    min-inline-size: 0;
  }
  .input {
    inline-size: 100%;
  }
  .category {
    flex: 0 1 12rem;
    min-inline-size: 0;
  }
  .category .field {
    inline-size: 100%;
  }

  .popup {
    position: absolute;
    inset-block-start: 100%;
    inset-inline: 0;
    z-index: 10;
    margin-block-start: var(--_portico-space-2xs);
    max-block-size: var(--_popup-max-height);
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    background: var(--_popup-background);
    box-shadow: var(--_popup-shadow);
  }
  .heading {
    padding: var(--_portico-space-s) var(--_portico-space-m) 0;
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-xs);
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .listbox {
    margin: 0;
    padding: var(--_portico-space-2xs) 0;
    list-style: none;
  }
  .listbox[aria-busy='true'] {
    opacity: 0.7;
  }
  .option {
    display: grid;
    gap: var(--_portico-space-2xs);
    padding: var(--_option-padding);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .option + .option {
    border-block-start: 1px solid var(--_border-color);
  }
  .option[aria-selected='true'] {
    background: var(--_option-active-background);
    box-shadow: inset 3px 0 0 var(--_portico-color-primary);
  }
  .option[aria-selected='true']:dir(rtl) {
    box-shadow: inset -3px 0 0 var(--_portico-color-primary);
  }
  .option__title {
    font-weight: 600;
  }
  .option__snippet,
  .option__category {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  .option__category {
    font-size: var(--_portico-font-size-xs);
  }
  .highlight {
    border-radius: var(--_portico-radius-s);
    padding-inline: 0.1em;
    background: var(--_highlight-background);
    color: var(--_highlight-color);
  }
  .option__snippet .highlight,
  .option__category {
    color: var(--_portico-color-text);
  }
  .state--loading {
    color: var(--_portico-color-muted);
  }

  @container (max-width: 359px) {
    .category {
      flex-basis: 100%;
    }
  }

  @media (forced-colors: active) {
    .popup {
      border-color: CanvasText;
    }
    .option[aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      box-shadow: none;
    }
    .option[aria-selected='true'] * {
      color: HighlightText;
    }
    .highlight {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
  }
`;
