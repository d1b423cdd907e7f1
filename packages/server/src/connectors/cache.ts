/**
 * The per-organization response cache of the connectors (docs/connectors.md, "What is cached").
 *
 * An answer of an external system is kept for a TTL under `(organization, key)`. It survives
 * neither its TTL nor an invalidation: a webhook calls `invalidate(org, prefixes)` and the next
 * portal read asks the system again. Keys are `group:…` strings and invalidation takes prefixes
 * (`invoices` drops `invoices:list:…` and `invoices:get:in_1`), none: the whole organization.
 *
 * - A read in flight is in the cache from its start, so an invalidation drops it too: a webhook
 *   that races a slow read never leaves the pre-webhook answer behind for later reads.
 * - Concurrent reads of one key share one call to the system; a failed call is not cached.
 * - Several server processes: `publish` invalidates here and sends `NOTIFY portico_connector_cache`
 *   (in the caller's transaction when given one, so it is delivered at COMMIT, like the events it
 *   goes with); every process `attach`ed to the database invalidates on it. A lost LISTEN
 *   connection that comes back clears everything (a notification may have been missed).
 */
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/db.js';

export const CACHE_CHANNEL = 'portico_connector_cache';

interface Entry {
  value: Promise<unknown>;
  expires: number;
}

interface OrgEntries {
  entries: Map<string, Entry>;
}

export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
}

export class ConnectorCache {
  private orgs = new Map<string, OrgEntries>();
  private size = 0;
  private readonly node = randomUUID();
  readonly stats: CacheStats = { hits: 0, misses: 0, entries: 0 };

  constructor(
    /** Default lifetime of an entry, ms (0: nothing is kept). */
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached answer of `key` for `org`, else `load()`'s (kept for `ttlMs` when it resolves). */
  async get<T>(org: string, key: string, load: () => Promise<T>, ttlMs = this.ttlMs): Promise<T> {
    if (ttlMs <= 0) return load();
    let o = this.orgs.get(org);
    if (!o) {
      o = { entries: new Map() };
      this.orgs.set(org, o);
    }
    const hit = o.entries.get(key);
    if (hit && hit.expires > this.now()) {
      this.stats.hits++;
      return hit.value as Promise<T>;
    }
    if (hit) this.drop(o, key);
    this.stats.misses++;
    const entry: Entry = { value: load(), expires: this.now() + ttlMs };
    const owner = o;
    o.entries.set(key, entry);
    this.size++;
    this.evict();
    entry.value.catch(() => {
      if (owner.entries.get(key) === entry) this.drop(owner, key);
    });
    this.stats.entries = this.size;
    return entry.value as Promise<T>;
  }

  /** Forgets `org`'s entries whose key is one of `prefixes` or starts with `prefix:`; none: all of them. */
  invalidate(org: string, prefixes?: readonly string[]): void {
    const o = this.orgs.get(org);
    if (!o) return;
    for (const key of [...o.entries.keys()]) {
      if (!prefixes || prefixes.some((p) => key === p || key.startsWith(`${p}:`))) this.drop(o, key);
    }
    this.stats.entries = this.size;
  }

  clear(): void {
    for (const o of this.orgs.values()) o.entries.clear();
    this.size = 0;
    this.stats.entries = 0;
  }

  /**
   * Invalidates here and in every other process: NOTIFY on `q` (a transaction: delivered at its
   * COMMIT; the database: at once).
   */
  async publish(q: Pick<Queryable, 'query'>, org: string, prefixes?: readonly string[]): Promise<void> {
    this.invalidate(org, prefixes);
    await q.query('SELECT pg_notify($1, $2)', [CACHE_CHANNEL, JSON.stringify({ node: this.node, org, keys: prefixes ?? null })]);
  }

  /** Listens for other processes' invalidations; returns the function that stops listening. */
  attach(db: Pick<Db, 'listen'>): Promise<() => Promise<void>> {
    return db.listen(
      CACHE_CHANNEL,
      (payload) => {
        try {
          const m = JSON.parse(payload) as { node?: string; org?: string; keys?: string[] | null };
          if (m.node === this.node || typeof m.org !== 'string') return;
          this.invalidate(m.org, Array.isArray(m.keys) ? m.keys : undefined);
        } catch {
          this.clear();
        }
      },
      () => this.clear(),
    );
  }

  private drop(o: OrgEntries, key: string): void {
    if (o.entries.delete(key)) this.size--;
  }

  /** Oldest entries first (Map order is insertion order) once the process holds more than maxEntries. */
  private evict(): void {
    if (this.size <= this.maxEntries) return;
    for (const o of this.orgs.values()) {
      for (const key of o.entries.keys()) {
        this.drop(o, key);
        if (this.size <= this.maxEntries) return;
      }
    }
  }
}
