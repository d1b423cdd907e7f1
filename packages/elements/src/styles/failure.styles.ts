import { css } from 'lit';

/** Styles of the alert of `renderFailure` and of a failed `renderMore` (`.failure`); add them where those render. */
export const failureStyles = css`
  .failure {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_portico-space-s);
    padding: var(--_portico-space-s);
    border: 1px solid var(--_portico-color-danger);
    border-radius: var(--_portico-radius-m);
    color: var(--_portico-color-danger);
  }
  .failure p {
    flex: 1 1 12rem;
  }
  @media (forced-colors: active) {
    .failure {
      border-color: CanvasText;
      color: CanvasText;
    }
  }
`;
