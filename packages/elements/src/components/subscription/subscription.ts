import { PorticoSubscription } from './subscription.component.js';

export { PorticoSubscription };

PorticoSubscription.define('portico-subscription');

declare global {
  interface HTMLElementTagNameMap {
    'portico-subscription': PorticoSubscription;
  }
}
