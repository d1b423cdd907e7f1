import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_label: var(--portico-profile-label-width, 10rem);
  }
  .base,
  .form {
    display: grid;
    gap: var(--_portico-space-m);
    min-inline-size: 0;
  }
  .fields {
    display: grid;
    gap: var(--_portico-space-s);
    margin: 0;
  }
  .field-row {
    display: grid;
    grid-template-columns: var(--_label) minmax(0, 1fr);
    gap: var(--_portico-space-s);
    align-items: center;
  }
  @media (max-width: 30rem) {
    .field-row {
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_portico-space-2xs);
    }
  }
  dt {
    color: var(--_portico-color-muted);
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  select {
    inline-size: 100%;
    max-inline-size: 24rem;
  }
  .status:empty {
    display: none;
  }
  .status,
  .hint {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
  }
  a {
    color: var(--_portico-color-primary);
  }
`;
