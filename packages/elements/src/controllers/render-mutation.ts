import { html, nothing } from 'lit';
import type { MutationController } from './mutation-controller.js';
import { errorMessage, type RenderHost } from './render-state.js';

export interface FailureOptions {
  /** The alert's part, e.g. `failure` or `reply-error`. */
  part: string;
  /** The part of the button that sends again; without it there is no button (the form's own button retries). */
  retry?: string;
  /** The button's text (default: the shared "Retry"). */
  label?: string;
  /** The sentence around the reason (the error's message by code), e.g. "The ticket wasn’t sent. {reason}". */
  message?: (reason: string) => string;
  /** What the button does (default: `retry()`, the same write with the same key). */
  onRetry?: () => unknown;
}

/**
 * The inline error of a failed write — the counterpart of `renderState` for writes: a
 * `role="alert"` box with what happened (by error code) and, unless the form's own button is
 * the way to send again, a button that does. Nothing unless the mutation failed. Styled by
 * `failureStyles` (styles/failure.styles.ts).
 */
export function renderFailure(
  host: RenderHost,
  mutation: Pick<MutationController<unknown, unknown>, 'status' | 'error' | 'retry'>,
  o: FailureOptions,
) {
  if (mutation.status !== 'error') return nothing;
  const reason = errorMessage(host, mutation.error);
  return html`<div part=${o.part} class="failure" role="alert">
    <p>${o.message ? o.message(reason) : reason}</p>
    ${
      o.retry
        ? html`<button part=${o.retry} class="button" type="button" @click=${o.onRetry ?? (() => mutation.retry())}>
            ${o.label ?? host.i18n.t('state.retry')}
          </button>`
        : nothing
    }
  </div>`;
}
