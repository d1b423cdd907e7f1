import type { Ticket } from '@portico/contract';

/**
 * Every event a Portico component fires, name → `detail`. Events bubble and are composed, so a
 * host listens once on any ancestor (or `document`). Adding an event: add it here; `emit()` and
 * `addEventListener` pick up the type.
 */
export interface PorticoEventDetailMap {
  /** A ticket row was activated (click, Enter or Space). Cancelable: `preventDefault()` keeps the selection unchanged. */
  'portico-ticket-select': { ticket: Ticket };
  /** A data component failed to load. `code` is the error's stable machine code (`network`, `invalid_response`, `forbidden`…). */
  'portico-error': { error: unknown; code: string };
  /** What a list shows (filters, search, sort, page) changed: `state` maps its properties to strings, for a host's router (see `url-state`). */
  'portico-state-change': { state: Record<string, string> };
}

export type PorticoEventName = keyof PorticoEventDetailMap;
export type PorticoEvent<K extends PorticoEventName> = CustomEvent<PorticoEventDetailMap[K]>;

export type PorticoTicketSelectEvent = PorticoEvent<'portico-ticket-select'>;
export type PorticoErrorEvent = PorticoEvent<'portico-error'>;
export type PorticoStateChangeEvent = PorticoEvent<'portico-state-change'>;

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-ticket-select': PorticoTicketSelectEvent;
    'portico-error': PorticoErrorEvent;
    'portico-state-change': PorticoStateChangeEvent;
  }
}
