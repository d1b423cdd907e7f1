/**
 * The process is stopping (SIGTERM, `RunningServer.close()`): open event streams are told to come
 * back (to another process behind the same address) and end, and `/readyz` answers 503 so a load
 * balancer stops sending new requests here while in-flight ones finish.
 */
export class Shutdown {
  private fns = new Set<() => void>();
  started = false;

  /** Calls fn when the shutdown begins (at once if it has). Returns the function that unregisters it. */
  onShutdown(fn: () => void): () => void {
    if (this.started) {
      queueMicrotask(fn);
      return () => {};
    }
    this.fns.add(fn);
    return () => this.fns.delete(fn);
  }

  begin(): void {
    if (this.started) return;
    this.started = true;
    for (const fn of [...this.fns]) fn();
    this.fns.clear();
  }
}
