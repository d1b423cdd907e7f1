import { PorticoDocumentRequests } from './document-requests.component.js';

export { PorticoDocumentRequests };

PorticoDocumentRequests.define('portico-document-requests');

declare global {
  interface HTMLElementTagNameMap {
    'portico-document-requests': PorticoDocumentRequests;
  }
}
