import { PorticoKbHome } from './kb-home.component.js';

export { PorticoKbHome };

PorticoKbHome.define('portico-kb-home');

declare global {
  interface HTMLElementTagNameMap {
    'portico-kb-home': PorticoKbHome;
  }
}
