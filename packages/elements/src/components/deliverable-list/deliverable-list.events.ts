import type { DeliverableSummary } from '@portico/contract';

/** Detail of `portico-deliverable-select`. */
export interface PorticoDeliverableSelectDetail {
  deliverable: DeliverableSummary;
}

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** A deliverable row was activated. Cancelable: `preventDefault()` keeps `selected` unchanged. */
    'portico-deliverable-select': PorticoDeliverableSelectDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-deliverable-select': CustomEvent<PorticoDeliverableSelectDetail>;
  }
}
