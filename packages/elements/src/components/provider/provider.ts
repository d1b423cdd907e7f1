import { PorticoProvider } from './provider.component.js';

export { PorticoProvider };

PorticoProvider.define('portico-provider');

declare global {
  interface HTMLElementTagNameMap {
    'portico-provider': PorticoProvider;
  }
}
