import { PorticoUsage } from './usage.component.js';

export { PorticoUsage };

PorticoUsage.define('portico-usage');

declare global {
  interface HTMLElementTagNameMap {
    'portico-usage': PorticoUsage;
  }
}
