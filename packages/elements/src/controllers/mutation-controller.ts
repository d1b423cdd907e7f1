import type { ReactiveController } from 'lit';
import type { PorticoElement } from '../base/portico-element.js';
import type { PorticoClientLike } from '../context/client.js';
import type { PorticoEventDetailMap, PorticoEventName } from '../events/events.js';
import { errorCode, isAbort, PorticoNoClientError } from './resource-controller.js';

/** A `portico-*` event as `[name, detail]`, typed by `PorticoEventDetailMap`. */
export type PorticoEventOf = { [K in PorticoEventName]: [K, PorticoEventDetailMap[K]] }[PorticoEventName];

export type MutationStatus = 'idle' | 'pending' | 'error' | 'success';

export interface MutationOptions<I, R> {
  /** Sends the write. Pass `key` as the client's `idempotencyKey` and `signal` as its `signal`. */
  send: (client: PorticoClientLike, input: I, request: { key: string; signal: AbortSignal }) => Promise<R>;
  /**
   * What identifies the request, when not the whole `input` (e.g. an event detail that carries
   * the ticket object, whose request is just its id and the action). The idempotency key is
   * renewed exactly when this changes.
   */
  fingerprint?: (input: I) => unknown;
  /** The cancelable `portico-…-request` event fired before sending; `preventDefault()` sends nothing. */
  request?: (input: I) => PorticoEventOf;
  /** The event fired once the server stored the write (after `onSuccess`). */
  success?: (result: R, input: I) => PorticoEventOf;
  /** Shows the change before the server answers; returns how to undo it (run on failure or abort). */
  optimistic?: (input: I) => () => void;
  /** The component's own bookkeeping after success, before the success event. */
  onSuccess?: (result: R, input: I) => void;
  /** … and after a failure (the optimistic change is undone already). */
  onError?: (error: unknown, input: I) => void;
  /** Also fire `portico-error` when the write fails (default: the component shows it inline only). */
  reportErrors?: boolean;
}

/** JSON with the keys of every object sorted: equal inputs give equal strings whatever their key order. */
const fingerprintOf = (value: unknown): string =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

/**
 * The one way a component runs a write (create, reply, decide, vote, act): its state for the
 * renderer (`status`, `error`, `pending`), and the rules every write follows:
 * - **one `Idempotency-Key` per intent**: the key is kept while the request's input (body, target,
 *   version, anchor — `fingerprint`) stays the same — across "Try again" and the client's own
 *   retries — and renewed exactly when any of it changes, or after a success (a new write);
 * - **no double submit**: `run()` while one is pending does nothing;
 * - a cancelable `portico-…-request` event before sending and a typed success event after;
 * - an optional optimistic change, undone when the write fails;
 * - an abort when the element leaves the page (the key is kept for the same write later).
 *
 * Render its failure with `renderFailure()` (`render-mutation.ts`).
 */
export class MutationController<I, R> implements ReactiveController {
  status: MutationStatus = 'idle';
  /** The failure while `status` is `error`. */
  error: unknown;
  /** The result of the last successful run. */
  value?: R;
  /** What is being sent, or what failed (what `retry()` sends again). */
  input?: I;

  private readonly host: PorticoElement;
  private readonly options: MutationOptions<I, R>;
  private intent?: { fingerprint: string; key: string };
  private abort?: AbortController;

  constructor(host: PorticoElement, options: MutationOptions<I, R>) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  get pending(): boolean {
    return this.status === 'pending';
  }

  /**
   * Sends `input`. Resolves with the result, or `undefined` when nothing was stored: a write was
   * already pending, the request event was canceled, it failed (see `status` and `error`) or was
   * aborted.
   */
  async run(input: I): Promise<R | undefined> {
    const { host, options } = this;
    if (this.pending) return undefined;
    const request = options.request?.(input) as [never, never] | undefined;
    if (request && !host.emit(...request, { cancelable: true })) return undefined;
    const fingerprint = fingerprintOf(options.fingerprint ? options.fingerprint(input) : input);
    if (this.intent?.fingerprint !== fingerprint) this.intent = { fingerprint, key: crypto.randomUUID() };
    const abort = new AbortController();
    this.abort = abort;
    this.input = input;
    this.set('pending');
    const undo = options.optimistic?.(input);
    try {
      const client = host.effectiveClient;
      if (!client) throw new PorticoNoClientError();
      const result = await options.send(client, input, { key: this.intent.key, signal: abort.signal });
      this.intent = undefined;
      this.value = result;
      this.set('success');
      options.onSuccess?.(result, input);
      const success = options.success?.(result, input) as [never, never] | undefined;
      if (success) host.emit(...success);
      return result;
    } catch (error) {
      undo?.();
      if (abort.signal.aborted || isAbort(error)) {
        this.set('idle');
        return undefined;
      }
      this.set('error', error);
      options.onError?.(error, input);
      if (options.reportErrors) host.emit('portico-error', { error, code: errorCode(error) });
      return undefined;
    }
  }

  /** Sends what failed again, with the same key. */
  retry(): Promise<R | undefined> {
    return this.input === undefined ? Promise.resolve(undefined) : this.run(this.input);
  }

  /** Hides the failure (e.g. once its fields show it) but keeps the intent: the same write keeps its key. */
  clearError(): void {
    if (this.status === 'error') this.set('idle');
  }

  /** Forgets the intent and any failure, and aborts a pending write (e.g. the element shows another record now). */
  reset(): void {
    this.abort?.abort();
    this.intent = this.input = undefined;
    this.set('idle');
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  private set(status: MutationStatus, error?: unknown): void {
    this.status = status;
    this.error = error;
    this.host.requestUpdate();
  }
}
