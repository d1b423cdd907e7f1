import { PorticoTicketDetail } from './ticket-detail.component.js';

export { PorticoTicketDetail };

PorticoTicketDetail.define('portico-ticket-detail');

declare global {
  interface HTMLElementTagNameMap {
    'portico-ticket-detail': PorticoTicketDetail;
  }
}
