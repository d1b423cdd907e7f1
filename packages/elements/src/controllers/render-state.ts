import { css, html, nothing, type TemplateResult } from 'lit';
import type { PorticoElement } from '../base/portico-element.js';
import type { CoreMessageKey } from '../i18n/i18n.js';
import { errorCode, type ResourceState } from './resource-controller.js';

/** What the renderer reads of a resource (a `ResourceController` is one). */
export interface RenderableResource<T> {
  readonly state: ResourceState;
  readonly value: T | undefined;
  readonly error: unknown;
  refresh(): unknown;
}

export interface RenderStateOptions<T> {
  /** The loaded content. Rendered for `complete` and, with `aria-busy="true"`, while refreshing. */
  complete: (value: T) => unknown;
  /** Whether a value counts as empty (shows the `empty` slot). */
  isEmpty?: (value: T) => boolean;
  /** Default text of the `empty` slot. */
  emptyText?: string;
  /** Placeholder shapes while nothing is loaded yet (decorative; hidden from assistive tech). */
  skeleton?: () => unknown;
}

const MESSAGE_CODES = new Set([
  'network',
  'timeout',
  'invalid_response',
  'unauthorized',
  'token_expired',
  'forbidden',
  'not_found',
  'rate_limited',
  'internal',
  'unavailable',
  'no_client',
]);

/** What the shared renderers need of a component: its translator. */
export type RenderHost = Pick<PorticoElement, 'i18n'>;

/** The translated message of an error, chosen by its machine code. */
export function errorMessage(host: RenderHost, error: unknown): string {
  const code = errorCode(error);
  return host.i18n.t((MESSAGE_CODES.has(code) ? `error.${code}` : 'error.unknown') as CoreMessageKey);
}

const defaultSkeleton = () => html`${[0, 1, 2].map(() => html`<div class="skeleton-line"></div>`)}`;

/**
 * The one renderer of a data component's states — every component uses it so loading, refreshing,
 * error and empty look and behave the same:
 * - loading: skeleton + `role="status"` "Loading…" (part `loading`)
 * - refreshing: the previous content with `aria-busy="true"` (part `content`)
 * - error: `role="alert"` message by error code, the `error` slot, a Retry button (parts `error`, `retry`)
 * - empty: the `empty` slot with default text (part `empty`)
 */
export function renderState<T>(host: RenderHost, resource: RenderableResource<T>, options: RenderStateOptions<T>): TemplateResult {
  const { t } = host.i18n;
  const state = resource.state;
  if (state === 'error') {
    return html`<div part="error" class="state state--error" role="alert">
      <slot name="error"><p class="state__message">${errorMessage(host, resource.error)}</p></slot>
      <button part="retry" class="button" type="button" @click=${() => resource.refresh()}>${t('state.retry')}</button>
    </div>`;
  }
  if (state === 'loading' || resource.value === undefined) {
    return html`<div part="loading" class="state state--loading" role="status">
      <span class="visually-hidden">${t('state.loading')}</span>
      <div class="skeleton" aria-hidden="true">${(options.skeleton ?? defaultSkeleton)()}</div>
    </div>`;
  }
  const value = resource.value;
  const refreshing = state === 'refreshing';
  const live = html`<span class="visually-hidden" role="status">${refreshing ? t('state.refreshing') : nothing}</span>`;
  if (options.isEmpty?.(value)) {
    return html`<div part="empty" class="state state--empty" aria-busy=${refreshing ? 'true' : 'false'}>
        <slot name="empty"><p class="state__message">${options.emptyText ?? t('state.empty')}</p></slot>
      </div>
      ${live}`;
  }
  return html`<div part="content" class="content" aria-busy=${refreshing ? 'true' : 'false'}>${options.complete(value)}</div>${live}`;
}

/** What `renderMore` reads of a `PageController`. */
export interface MorePages {
  readonly moreState: 'idle' | 'loading' | 'error';
  readonly moreError: unknown;
  readonly hasMore: boolean;
  loadMore(): unknown;
}

export interface MoreOptions {
  /** The button's text ("Show more messages"). Without it the list loads as it scrolls, and this is a status line. */
  label?: string;
  /** Said while the next page loads (a list that loads as it scrolls). */
  loading?: string;
  /** Said when the next page failed (default: what happened, by error code). */
  failed?: string;
}

/**
 * Under a paged list: the "Show more" button (disabled and `aria-busy` while loading; part
 * `more`), or for a list that loads as it scrolls a `role="status"` line saying it is loading;
 * after a failure an alert with Retry (parts `more`, `retry`).
 */
export function renderMore(host: RenderHost, pages: MorePages, o: MoreOptions = {}): TemplateResult | typeof nothing {
  const { t } = host.i18n;
  const loading = pages.moreState === 'loading';
  const more = () => pages.loadMore();
  if (pages.moreState === 'error') {
    return html`<div part="more" class="more failure" role="alert">
      <p>${o.failed ?? errorMessage(host, pages.moreError)}</p>
      <button part="retry" class="button" type="button" @click=${more}>${t('state.retry')}</button>
    </div>`;
  }
  if (!o.label) return html`<div part="more" class="more" role="status">${loading ? o.loading : nothing}</div>`;
  return pages.hasMore
    ? html`<button part="more" class="button more" type="button" ?disabled=${loading} aria-busy=${loading ? 'true' : 'false'} @click=${more}>
        ${o.label}
      </button>`
    : nothing;
}

/** Styles of the shared states; add to a data component's `styles`. */
export const stateStyles = css`
  .state {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_portico-space-s);
    padding: var(--_portico-space-l);
  }
  .state--empty,
  .state__message {
    color: var(--_portico-color-muted);
  }
  .state--error .state__message {
    color: var(--_portico-color-danger);
  }
  .skeleton {
    display: grid;
    gap: var(--_portico-space-s);
    inline-size: 100%;
  }
  .skeleton-line {
    block-size: 2.5rem;
    border-radius: var(--_portico-radius-m);
    background: var(--_portico-color-skeleton);
    animation: portico-pulse 1.2s ease-in-out infinite alternate;
  }
  @keyframes portico-pulse {
    to {
      opacity: 0.45;
    }
  }
  /* Refreshing: the old content stays at full contrast (dimming it fails WCAG contrast); a thin
     bar along its top edge says that new data is on its way. */
  .content {
    position: relative;
  }
  .content[aria-busy='true']::before {
    content: '';
    position: absolute;
    inset-block-start: 0;
    inset-inline: 0;
    block-size: 3px;
    z-index: 1;
    background: linear-gradient(90deg, transparent, var(--_portico-color-primary), transparent) 0 0 / 40% 100% no-repeat;
    animation: portico-busy 1s linear infinite;
  }
  @keyframes portico-busy {
    from {
      background-position: -40% 0;
    }
    to {
      background-position: 140% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-line,
    .content[aria-busy='true']::before {
      animation: none;
    }
    .content[aria-busy='true']::before {
      background: var(--_portico-color-primary);
    }
  }
  @media (forced-colors: active) {
    .skeleton-line {
      background: GrayText;
    }
    .content[aria-busy='true']::before {
      background: Highlight;
    }
    .state--error .state__message {
      color: CanvasText;
    }
  }
`;
