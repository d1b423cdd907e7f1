import type { Message } from '../../i18n/i18n.js';
import type { PagesMessageKey } from './deliverable-pages.messages.js';

/** German messages of the deliverable viewer's PDF pages. */
export const de: Record<PagesMessageKey, Message> = {
  'deliverableViewer.pages': 'Seiten',
  'deliverableViewer.previousPage': 'Vorherige Seite',
  'deliverableViewer.nextPage': 'Nächste Seite',
  'deliverableViewer.pageOf': 'Seite {page} von {pages}',
  'deliverableViewer.pageLabel': 'Seite {page} von {pages} von {name}',
  'deliverableViewer.pdfHint': 'PDF-Vorschau. Bild auf und Bild ab wechseln die Seite, Plus und Minus zoomen, 0 passt ein.',
  'deliverableViewer.pdfLoading': 'PDF wird geladen…',
  'deliverableViewer.pdfError': 'Diese PDF-Datei kann nicht angezeigt werden.',
  'deliverableViewer.pdfPassword': 'Diese PDF-Datei ist passwortgeschützt und kann hier nicht angezeigt werden.',
  'deliverableViewer.downloadFile': '{name} herunterladen',
  'deliverableViewer.pdfNoPage': 'Version {number} hat keine Seite {page}: Sie hat {pages}.',
};
