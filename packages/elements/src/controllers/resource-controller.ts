import { initialState, Task, TaskStatus } from '@lit/task';
import type { PortalEvent } from '@portico/contract';
import type { ReactiveController } from 'lit';
import type { PorticoElement } from '../base/portico-element.js';
import type { PorticoClientLike } from '../context/client.js';

export type ResourceKind = PortalEvent['resource']['kind'];
/** Which live events matter: resource kinds or event types (`['ticket']`, `['ticket.updated']`), or a predicate. */
export type LiveFilter = ReadonlyArray<ResourceKind | PortalEvent['type']> | ((event: PortalEvent) => boolean);

export interface ResourceOptions<T, A extends readonly unknown[]> {
  /** The inputs besides the client (ids, filters, page). A change re-runs the load. */
  args: () => A;
  /** Loads the resource. Pass `signal` to the client: a newer run or a disconnect aborts it. */
  load: (client: PorticoClientLike, args: A, options: { signal: AbortSignal }) => Promise<T>;
  /**
   * Which live events re-run the load: resource kinds or event types (`['ticket']`), a
   * predicate, or `false` for none. Bursts are coalesced (`liveDelayMs`, default 150 ms).
   */
  live?: LiveFilter | false;
  liveDelayMs?: number;
  /**
   * Whether the component loads at all (default: always). While false nothing runs, nothing is
   * re-rendered for it and a missing client is no error — e.g. while a host passes the data in.
   */
  enabled?: () => boolean;
  /** Don't fire `portico-error` on failure (a helper the component can do without, e.g. search suggestions in a form). */
  quiet?: boolean;
}

/** Raised (as the task's error) when no client reached the component: code `no_client`. */
export class PorticoNoClientError extends Error {
  readonly code = 'no_client';
  readonly retryable = false;
  constructor() {
    super('No Portico client: wrap the element in <portico-provider> or set its .client property.');
    this.name = 'PorticoNoClientError';
  }
}

/** The state the shared renderer shows. */
export type ResourceState = 'loading' | 'refreshing' | 'complete' | 'error';

/**
 * One data path per data component: a `Task` whose args are the client plus `args()`, with the
 * abort signal passed down (stale results are dropped by Task), `refresh()`, the previous value
 * kept while reloading, `portico-error` on failure, and live re-runs from `client.subscribe` (matching events and stream reconnects).
 */
export class ResourceController<T, A extends readonly unknown[] = readonly unknown[]> implements ReactiveController {
  readonly task: Task<[PorticoClientLike | undefined, ...A], T>;
  private readonly host: PorticoElement;
  private readonly options: ResourceOptions<T, A>;
  private subscribedTo?: PorticoClientLike;
  private unsubscribe?: () => void;
  private liveTimer?: ReturnType<typeof setTimeout>;
  private abortedByDisconnect = false;
  private noClientTimer?: ReturnType<typeof setTimeout>;
  private noClient = false;

  constructor(host: PorticoElement, options: ResourceOptions<T, A>) {
    this.host = host;
    this.options = options;
    host.addController(this);
    this.task = new Task(host, {
      args: () => [host.effectiveClient, ...options.args()] as [PorticoClientLike | undefined, ...A],
      task: async ([client, ...args], { signal }) => {
        if (!client) return initialState;
        reportInvalidLinks(host, signal);
        return options.load(client, args as unknown as A, { signal });
      },
      onError: (error) => {
        if (isAbort(error) || options.quiet) return;
        host.emit('portico-error', { error, code: errorCode(error) });
      },
    });
  }

  get value(): T | undefined {
    return this.task.value;
  }

  get error(): unknown {
    return this.noClient ? new PorticoNoClientError() : this.task.error;
  }

  get state(): ResourceState {
    if (this.noClient) return 'error';
    switch (this.task.status) {
      case TaskStatus.COMPLETE:
        return 'complete';
      case TaskStatus.ERROR:
        return isAbort(this.task.error) ? 'loading' : 'error';
      case TaskStatus.PENDING:
        return this.task.value === undefined ? 'loading' : 'refreshing';
      default:
        return 'loading';
    }
  }

  /** Loads again with the same inputs, keeping the current value on screen meanwhile. */
  refresh(): Promise<void> {
    return this.task.run();
  }

  private get enabled(): boolean {
    return this.options.enabled?.() ?? true;
  }

  private wasEnabled = true;
  private rerun = false;

  /** Runs before the task's own hostUpdate (this controller is added first), which reads autoRun. */
  hostUpdate(): void {
    const enabled = this.enabled;
    // Enabled again: load again even if the inputs equal those of the last load (the task only
    // compares inputs while it runs automatically, and what it loaded then may be stale).
    if (enabled && !this.wasEnabled && this.task.status !== TaskStatus.INITIAL) this.rerun = true;
    this.wasEnabled = enabled;
    this.task.autoRun = enabled;
  }

  hostConnected(): void {
    const client = this.host.effectiveClient;
    if (client && client !== this.subscribedTo) this.subscribe(client);
    if (this.abortedByDisconnect) {
      this.abortedByDisconnect = false;
      void this.task.run();
    }
  }

  hostUpdated(): void {
    if (!this.enabled) return;
    if (this.rerun) {
      this.rerun = false;
      void this.task.run();
    }
    const client = this.host.effectiveClient;
    // No client yet: a provider may still be upgrading. Say so only if none arrives soon.
    if (!client && !this.noClientTimer && !this.noClient) {
      this.noClientTimer = setTimeout(() => {
        if (!this.host.effectiveClient && this.host.isConnected) {
          this.noClient = true;
          this.host.requestUpdate();
        }
      }, 1000);
    } else if (client) {
      clearTimeout(this.noClientTimer);
      this.noClientTimer = undefined;
      this.noClient = false;
    }
    if (client !== this.subscribedTo && this.host.isConnected) this.subscribe(client);
  }

  hostDisconnected(): void {
    this.subscribe(undefined);
    clearTimeout(this.liveTimer);
    clearTimeout(this.noClientTimer);
    this.noClientTimer = undefined;
    if (this.task.status === TaskStatus.PENDING) {
      this.task.abort();
      this.abortedByDisconnect = true;
    }
  }

  private subscribe(client: PorticoClientLike | undefined): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = client;
    const live = this.options.live;
    if (!client?.subscribe || !live) return;
    const matches = (e: PortalEvent) => (typeof live === 'function' ? live(e) : live.includes(e.resource.kind) || live.includes(e.type));
    this.unsubscribe = client.subscribe((event: PortalEvent | { type: 'stream.reconnected' }) => {
      // After a reconnect, events may have been missed: refetch whatever the filter.
      if (event.type !== 'stream.reconnected' && !matches(event as PortalEvent)) return;
      clearTimeout(this.liveTimer);
      this.liveTimer = setTimeout(() => {
        if (this.task.status !== TaskStatus.INITIAL) void this.refresh();
      }, this.options.liveDelayMs ?? 150);
    });
  }
}

/**
 * Fires `portico-error` on `host` for each link the client reports on `signal` (`@portico/client`'s
 * `INVALID_LINK_EVENT`): a link the server sent that the SDK may not use was left out (the contract's
 * `Link`), the record shows without it. `detail.error` is an Error with `code` `invalid_link` and
 * the `endpoint`, `path` and `record` (id) of the link.
 */
export const reportInvalidLinks = (host: PorticoElement, signal: AbortSignal): void =>
  signal.addEventListener('portico-invalid-link', (e) => {
    const link = (e as CustomEvent<{ endpoint: string; path: string; record?: string }>).detail;
    const error = Object.assign(new Error(`Left out the invalid link at ${link.endpoint} ${link.path}`), { code: 'invalid_link', ...link });
    host.emit('portico-error', { error, code: error.code });
  });

export const isAbort = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';

/** The stable machine code of any error: the client's `code`, else `unknown`. */
export const errorCode = (error: unknown): string => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code ? code : 'unknown';
};
