import { css } from 'lit';

/** The field and the popup's frame; what is inside the popup comes with its templates (kb-search.popup.ts). */
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
  @container (max-width: 359px) {
    .category {
      flex-basis: 100%;
    }
  }

  @media (forced-colors: active) {
    .popup {
      border-color: CanvasText;
    }
  }
`;
