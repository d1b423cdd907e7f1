import { PorticoDeliverableList } from './deliverable-list.component.js';

export { PorticoDeliverableList };

PorticoDeliverableList.define('portico-deliverable-list');

declare global {
  interface HTMLElementTagNameMap {
    'portico-deliverable-list': PorticoDeliverableList;
  }
}
