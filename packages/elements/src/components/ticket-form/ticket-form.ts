import { PorticoTicketForm } from './ticket-form.component.js';

export { PorticoTicketForm };

PorticoTicketForm.define('portico-ticket-form');

declare global {
  interface HTMLElementTagNameMap {
    'portico-ticket-form': PorticoTicketForm;
  }
}
