import { PorticoTicketList } from './ticket-list.component.js';

export { PorticoTicketList };

PorticoTicketList.define('portico-ticket-list');

declare global {
  interface HTMLElementTagNameMap {
    'portico-ticket-list': PorticoTicketList;
  }
}
