import { css } from 'lit';

/**
 * The "Attach files" button of an upload: a `<label class="button">` right after its visually
 * hidden `.file-input` (`renderAttach`). The chips' own styles come with them (upload-chips.ts).
 */
export const attachStyles = css`
  .file-input:focus-visible + .button {
    outline: 2px solid var(--_portico-focus-ring);
    outline-offset: 2px;
  }
  .file-input:disabled + .button {
    cursor: not-allowed;
    opacity: 0.55;
  }
`;
