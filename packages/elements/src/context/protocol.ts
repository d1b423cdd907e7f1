/**
 * The Context Community Protocol (https://github.com/webcomponents-cg/community-protocols/blob/main/proposals/context.md),
 * as small as Portico needs it: a provider answers the `context-request` events of its descendants
 * and keeps the subscriptions; a provider that appears later takes over the subscriptions below it
 * (`context-provider`), and a consumer whose request nobody answered is asked again when a provider
 * of its context connects (the document-level root). The events have the protocol's names and
 * fields, so Portico's providers and consumers also talk to those of `@lit/context` and other
 * implementations. Written here instead of depending on `@lit/context` (the same behaviour for
 * what Portico uses, about 0.9 kB min+gz less in every entry).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A context key: a symbol made with `Symbol.for()` (two copies of the bundle still meet), typed by its value. */
export type Context<T> = symbol & { __context__?: T };
export const createContext = <T>(key: symbol): Context<T> => key as Context<T>;

type Callback<T> = (value: T, unsubscribe?: () => void) => void;
type Host = ReactiveControllerHost & HTMLElement;

class ContextEvent<T> extends Event {
  constructor(
    type: 'context-request' | 'context-provider',
    readonly context: Context<T>,
    readonly contextTarget: Element,
    readonly callback?: Callback<T>,
    readonly subscribe?: boolean,
  ) {
    super(type, { bubbles: true, composed: true });
  }
}

const request = <T>(el: Element, context: Context<T>, callback: Callback<T>) =>
  el.dispatchEvent(new ContextEvent('context-request', context, el, callback, true));

/**
 * Subscribes `host` to the nearest provider of `context` while it is connected: `set` gets the
 * value now and on every change (also from a closer provider that connects later).
 */
export function consume<T>(host: Host, context: Context<T>, set: (value: T) => void): void {
  let unsubscribe: (() => void) | undefined;
  const callback: Callback<T> = (value, unsub) => {
    // A new provider took the subscription over: leave the old one.
    if (unsubscribe && unsubscribe !== unsub) unsubscribe();
    unsubscribe = unsub;
    set(value);
  };
  host.addController({
    hostConnected: () => request(host, context, callback),
    hostDisconnected: () => {
      unsubscribe?.();
      unsubscribe = undefined;
    },
  });
}

/** Provides a value of `context` to the descendants of `host` (itself apart) and tells them of changes. */
export class ContextProvider<T> implements ReactiveController {
  private readonly subs = new Map<Callback<T>, { el: Element; dispose: () => void }>();
  private value?: T;

  constructor(
    private readonly host: Host,
    private readonly context: Context<T>,
  ) {
    host.addEventListener('context-request', (e) => {
      const ev = e as ContextEvent<T>;
      const el = ev.contextTarget ?? ev.composedPath()[0];
      if (ev.context !== context || el === host || !ev.callback) return;
      ev.stopPropagation();
      const callback = ev.callback;
      if (!ev.subscribe) return callback(this.value as T);
      const sub = this.subs.get(callback) ?? { el, dispose: () => this.subs.delete(callback) };
      this.subs.set(callback, sub);
      callback(this.value as T, sub.dispose);
    });
    // A provider connected below this one: its descendants ask again, so the closer one answers.
    host.addEventListener('context-provider', (e) => {
      const ev = e as ContextEvent<T>;
      if (ev.context !== context || ev.contextTarget === host) return;
      ev.stopPropagation();
      for (const [callback, { el }] of [...this.subs]) request(el, context, callback);
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.host.dispatchEvent(new ContextEvent('context-provider', this.context, this.host));
  }

  setValue(value: T): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const [callback, { dispose }] of this.subs) callback(value, dispose);
  }
}

/**
 * Attached once to the document: keeps the requests nobody answered (their provider is not
 * defined or not connected yet) and replays them when a provider of that context connects.
 */
export function attachContextRoot(root: Element): void {
  let pending: { context: symbol; el: WeakRef<Element>; callback: WeakRef<Callback<unknown>> }[] = [];
  root.addEventListener('context-request', (e) => {
    const ev = e as ContextEvent<unknown>;
    if (!ev.subscribe || !ev.callback) return;
    const el = ev.contextTarget ?? ev.composedPath()[0];
    if (!pending.some((p) => p.context === ev.context && p.el.deref() === el && p.callback.deref() === ev.callback))
      pending.push({ context: ev.context, el: new WeakRef(el), callback: new WeakRef(ev.callback) });
  });
  root.addEventListener('context-provider', (e) => {
    const context = (e as ContextEvent<unknown>).context;
    const replay = pending.filter((p) => p.context === context);
    // Those still unanswered add themselves again.
    pending = pending.filter((p) => p.context !== context);
    for (const p of replay) {
      const el = p.el.deref();
      const callback = p.callback.deref();
      if (el && callback) request(el, context, callback);
    }
  });
}
