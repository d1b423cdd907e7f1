import { css } from 'lit';

/**
 * Picked files before they are sent (`renderUploads`: `<ul class="chips">` of `<li class="chip"
 * data-status>` with `.chip__name`, `.chip__progress`, `.chip__size`, `.chip__error`,
 * `.chip__retry`, `.chip__remove`), and the "Attach files" button: a `<label class="button">`
 * right after its visually hidden `.file-input`. Used with every `UploadController`. The radius
 * follows `--_badge-radius` where a component sets it.
 */
export const chipStyles = css`
  .file-input:focus-visible + .button {
    outline: 2px solid var(--_portico-focus-ring);
    outline-offset: 2px;
  }
  .file-input:disabled + .button {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_portico-space-xs);
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--_portico-space-xs);
    max-inline-size: 100%;
    padding-block: var(--_portico-space-2xs);
    padding-inline: var(--_portico-space-s) var(--_portico-space-2xs);
    border: 1px solid var(--_border-color);
    border-radius: var(--_badge-radius, var(--_portico-radius-pill));
    background: var(--_portico-color-surface);
    font-size: var(--_portico-font-size-s);
  }
  .chip[data-status='uploading'] {
    border-style: dashed;
  }
  .chip[data-status='failed'] {
    border-color: var(--_portico-color-danger);
  }
  .chip__name {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .chip__error {
    color: var(--_portico-color-danger);
  }
  .chip__size {
    color: var(--_portico-color-muted);
  }
  .chip__progress {
    inline-size: 4rem;
    block-size: 0.5rem;
    accent-color: var(--_portico-color-primary);
  }
  .chip__retry {
    padding-block: 0;
    font-size: inherit;
  }
  .chip__remove {
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    flex: none;
    border: 0;
    border-radius: 50%;
    background: transparent;
    cursor: pointer;
  }
  .chip__remove:hover:not(:disabled) {
    background: var(--_portico-color-hover);
  }

  @media (forced-colors: active) {
    .chip {
      border-color: CanvasText;
    }
    .chip__error {
      color: CanvasText;
    }
  }
`;
