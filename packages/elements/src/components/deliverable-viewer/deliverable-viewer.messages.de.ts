import type { Message } from '../../i18n/i18n.js';
import type { en } from './deliverable-viewer.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'deliverableViewer.versions': 'Versionen',
  'deliverableViewer.moreVersions': 'Die neuesten {shown} von {count} Versionen.',
  'deliverableViewer.current': 'aktuell',
  'deliverableViewer.preview': 'Vorschau von {name}',
  'deliverableViewer.zoomIn': 'Vergrößern',
  'deliverableViewer.zoomOut': 'Verkleinern',
  'deliverableViewer.fit': 'Einpassen',
  'deliverableViewer.zoomHint': 'Vorschau. Plus- und Minustaste zoomen, 0 passt ein.',
  'deliverableViewer.mark': 'Bereich markieren',
  'deliverableViewer.pickHint':
    'Auf dem Bild ziehen oder klicken, oder die Markierung mit den Pfeiltasten bewegen und Eingabe drücken. Escape bricht ab.',
  'deliverableViewer.marker': 'Bereich {index}: Kommentar von {name}',
  'deliverableViewer.download': 'Herunterladen',
  'deliverableViewer.processing': 'Diese Version wird noch verarbeitet. Die Vorschau erscheint, sobald sie fertig ist.',
  'deliverableViewer.failed': 'Für diese Version konnte keine Vorschau erstellt werden. Laden Sie die Datei herunter, um sie anzusehen.',
  'deliverableViewer.unsupported': 'Für diesen Dateityp gibt es keine Vorschau. Laden Sie die Datei herunter, um sie anzusehen.',
  'deliverableViewer.textError': 'Der Text konnte nicht geladen werden.',
  'deliverableViewer.truncated': 'Nur der Anfang der Datei wird angezeigt.',
  'deliverableViewer.facts': 'Dateidetails',
  'deliverableViewer.fileName': 'Dateiname',
  'deliverableViewer.size': 'Größe',
  'deliverableViewer.type': 'Typ',
  'deliverableViewer.uploadedBy': 'Hochgeladen von',
  'deliverableViewer.uploadedAt': 'Hochgeladen am',
  'deliverableViewer.checksum': 'Prüfsumme (SHA-256)',
  'deliverableViewer.copy': 'Prüfsumme kopieren',
  'deliverableViewer.copied': 'Prüfsumme kopiert',
};
