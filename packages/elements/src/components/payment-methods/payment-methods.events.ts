import type { PaymentMethod, PaymentMethods } from '@portico/contract';

/** `portico-payment-method-add`: the user asked to add a method. */
export interface PorticoPaymentMethodAddDetail {
  /** True when the server has a hosted page: unless canceled, the component opens a one-time link to it. */
  hosted: boolean;
}
/** `portico-payment-method-update`: the user asked to update a method (e.g. a new card for an expiring one). */
export interface PorticoPaymentMethodUpdateDetail {
  method: PaymentMethod;
  hosted: boolean;
}
/** `portico-payment-method-remove-request`, `portico-payment-method-default-request`. */
export interface PorticoPaymentMethodRequestDetail {
  method: PaymentMethod;
}
/** `portico-payment-method-remove`, `portico-payment-method-default`, `portico-auto-pay-change`: what the server stored. */
export interface PorticoPaymentMethodsChangeDetail {
  methods: PaymentMethods;
}
export interface PorticoAutoPayRequestDetail {
  enabled: boolean;
}

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** Add a payment method. Cancelable: `preventDefault()` keeps the component from opening the provider's page (the host handles it). */
    'portico-payment-method-add': PorticoPaymentMethodAddDetail;
    /** Update a payment method. Cancelable: as `portico-payment-method-add`. */
    'portico-payment-method-update': PorticoPaymentMethodUpdateDetail;
    /** About to remove a method (confirmed by the user). Cancelable: nothing is sent. */
    'portico-payment-method-remove-request': PorticoPaymentMethodRequestDetail;
    /** A method was removed. */
    'portico-payment-method-remove': PorticoPaymentMethodsChangeDetail;
    /** About to make a method the default. Cancelable: nothing is sent. */
    'portico-payment-method-default-request': PorticoPaymentMethodRequestDetail;
    /** A method became the default. */
    'portico-payment-method-default': PorticoPaymentMethodsChangeDetail;
    /** About to turn auto-pay on or off. Cancelable: nothing is sent. */
    'portico-auto-pay-request': PorticoAutoPayRequestDetail;
    /** Auto-pay was turned on or off. */
    'portico-auto-pay-change': PorticoPaymentMethodsChangeDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-payment-method-add': CustomEvent<PorticoPaymentMethodAddDetail>;
    'portico-payment-method-update': CustomEvent<PorticoPaymentMethodUpdateDetail>;
    'portico-payment-method-remove-request': CustomEvent<PorticoPaymentMethodRequestDetail>;
    'portico-payment-method-remove': CustomEvent<PorticoPaymentMethodsChangeDetail>;
    'portico-payment-method-default-request': CustomEvent<PorticoPaymentMethodRequestDetail>;
    'portico-payment-method-default': CustomEvent<PorticoPaymentMethodsChangeDetail>;
    'portico-auto-pay-request': CustomEvent<PorticoAutoPayRequestDetail>;
    'portico-auto-pay-change': CustomEvent<PorticoPaymentMethodsChangeDetail>;
  }
}
