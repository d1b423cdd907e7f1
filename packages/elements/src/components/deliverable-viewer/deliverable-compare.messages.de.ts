import type { Message } from '../../i18n/i18n.js';
import type { CompareMessageKey } from './deliverable-compare.messages.js';

/** German messages of the deliverable viewer's comparison. */
export const de: Record<CompareMessageKey, Message> = {
  'deliverableViewer.compare': 'Vergleichen mit',
  'deliverableViewer.compareOff': 'Kein Vergleich',
  'deliverableViewer.compareNotReady': 'Version {number} kann nicht verglichen werden: Sie hat keine Vorschau.',
  'deliverableViewer.compareKinds':
    'Version {number} ist eine andere Art von Datei ({type}), daher lassen sich die beiden Versionen nicht vergleichen.',
  'deliverableViewer.compareMedia':
    'Video- und Audioversionen lassen sich nicht nebeneinander vergleichen. Spielen Sie jede Version einzeln ab.',
  'deliverableViewer.compareOther':
    'Dateien dieses Typs lassen sich hier nicht vergleichen. Laden Sie beide Versionen herunter, um sie zu vergleichen.',
  'deliverableViewer.diffTitle': 'Änderungen von Version {old} zu Version {new}',
  'deliverableViewer.diffBy': 'Änderungen anzeigen nach',
  'deliverableViewer.diffLines': 'Zeilen',
  'deliverableViewer.diffWords': 'Wörtern',
  'deliverableViewer.diffLinesAdded': { one: '{count} Zeile hinzugefügt', other: '{count} Zeilen hinzugefügt' },
  'deliverableViewer.diffLinesRemoved': { one: '{count} Zeile entfernt', other: '{count} Zeilen entfernt' },
  'deliverableViewer.diffWordsAdded': { one: '{count} Wort hinzugefügt', other: '{count} Wörter hinzugefügt' },
  'deliverableViewer.diffWordsRemoved': { one: '{count} Wort entfernt', other: '{count} Wörter entfernt' },
  'deliverableViewer.diffSummary': '{added}, {removed}.',
  'deliverableViewer.diffSame': 'Die beiden Versionen haben denselben Text.',
  'deliverableViewer.diffAdded': 'Hinzugefügt:',
  'deliverableViewer.diffRemoved': 'Entfernt:',
  'deliverableViewer.diffAddedEnd': 'Ende der Hinzufügung',
  'deliverableViewer.diffRemovedEnd': 'Ende der Entfernung',
  'deliverableViewer.diffUnchanged': { one: '{count} unveränderte Zeile anzeigen', other: '{count} unveränderte Zeilen anzeigen' },
  'deliverableViewer.diffLoading': 'Texte werden verglichen…',
  'deliverableViewer.diffError': 'Die Texte konnten für den Vergleich nicht geladen werden.',
  'deliverableViewer.diffTooLong': 'Nur der Anfang der Dateien wird verglichen.',
  'deliverableViewer.retry': 'Erneut versuchen',
};
