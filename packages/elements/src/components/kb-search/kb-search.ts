import { PorticoKbSearch } from './kb-search.component.js';

export { PorticoKbSearch };

PorticoKbSearch.define('portico-kb-search');

declare global {
  interface HTMLElementTagNameMap {
    'portico-kb-search': PorticoKbSearch;
  }
}
