import { PorticoPaymentMethods } from './payment-methods.component.js';

export { PorticoPaymentMethods };

PorticoPaymentMethods.define('portico-payment-methods');

declare global {
  interface HTMLElementTagNameMap {
    'portico-payment-methods': PorticoPaymentMethods;
  }
}
