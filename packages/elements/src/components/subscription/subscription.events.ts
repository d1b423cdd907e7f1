import type { Subscription } from '@portico/contract';

/** `portico-subscription-change` and `portico-subscription-cancel`. */
export interface PorticoSubscriptionActionDetail {
  subscription: Subscription;
  /** True when the server has a hosted page: unless canceled, the component opens a one-time link to it. */
  hosted: boolean;
}

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** The user asked to change the plan. Cancelable: `preventDefault()` keeps the component from opening the provider's page (the host handles it). */
    'portico-subscription-change': PorticoSubscriptionActionDetail;
    /** The user confirmed cancelling. Cancelable: as `portico-subscription-change`. */
    'portico-subscription-cancel': PorticoSubscriptionActionDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-subscription-change': CustomEvent<PorticoSubscriptionActionDetail>;
    'portico-subscription-cancel': CustomEvent<PorticoSubscriptionActionDetail>;
  }
}
