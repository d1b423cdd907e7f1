import type { ReactiveController } from 'lit';
import type { PorticoElement } from '../base/portico-element.js';

/** What a list shows — its filters, search, sort and page — as strings (an empty value: cleared). */
export type ListState = Record<string, string>;

/**
 * Keeps what a list shows (filters, search, sort, page) where the Back button finds it.
 *
 * - Always: after a change, the component fires `portico-state-change` with `detail.state` (the
 *   names of the component's properties → values as strings; `page` is the position of a paged
 *   list). A host with its own router stores that in its URL, and sets the properties (and
 *   `restoreState(state)`) when it renders the page again.
 * - Opt-in, for hosts without a router: with a `url-state` attribute (its value a prefix, e.g.
 *   `url-state="tickets-"`), the state is read from the page's query string when the component
 *   connects and written back with `history.replaceState` (`?tickets-status=open&tickets-sort=…`);
 *   values equal to those the page set are left out. Two lists on a page need two prefixes.
 */
export class UrlStateController implements ReactiveController {
  private readonly host: PorticoElement;
  private readonly read: () => ListState;
  private readonly write: (state: ListState) => void;
  private initial?: ListState;
  private last?: string;

  constructor(host: PorticoElement, read: () => ListState, write: (state: ListState) => void) {
    this.host = host;
    this.read = read;
    this.write = write;
    host.addController(this);
  }

  private get prefix(): string | null {
    return this.host.getAttribute('url-state');
  }

  hostConnected(): void {
    this.initial ??= this.read();
    const prefix = this.prefix;
    if (prefix === null) return;
    const params = new URLSearchParams(location.search);
    const state: ListState = {};
    for (const key of Object.keys(this.initial)) {
      const value = params.get(prefix + key);
      if (value !== null) state[key] = value;
    }
    this.write(state);
    this.last = JSON.stringify(this.read());
  }

  hostUpdated(): void {
    const state = this.read();
    const json = JSON.stringify(state);
    if (json === this.last) return;
    const first = this.last === undefined;
    this.last = json;
    if (first) return; // what the page opened with is not a change
    const prefix = this.prefix;
    if (prefix !== null) {
      const url = new URL(location.href);
      for (const [key, value] of Object.entries(state)) {
        if (value === this.initial?.[key]) url.searchParams.delete(prefix + key);
        else url.searchParams.set(prefix + key, value);
      }
      history.replaceState(history.state, '', url);
    }
    this.host.emit('portico-state-change', { state });
  }
}
