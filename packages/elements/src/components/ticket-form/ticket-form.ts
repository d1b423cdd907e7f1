import { PorticoTicketForm } from './ticket-form.component.js';
// An opened suggestion is shown by <portico-kb-article>: registered with the form.
import '../kb-article/kb-article.js';

export { PorticoTicketForm };

PorticoTicketForm.define('portico-ticket-form');

declare global {
  interface HTMLElementTagNameMap {
    'portico-ticket-form': PorticoTicketForm;
  }
}
