/** English messages of the deliverable viewer's comparison (registered by its lazy module). */
export const en = {
  'deliverableViewer.compare': 'Compare with',
  'deliverableViewer.compareOff': 'No comparison',
  'deliverableViewer.compareNotReady': 'Version {number} can’t be compared: it has no preview.',
  'deliverableViewer.compareKinds': 'Version {number} is a different kind of file ({type}), so the two versions can’t be compared.',
  'deliverableViewer.compareMedia': 'Video and audio versions can’t be compared side by side. Play each version on its own.',
  'deliverableViewer.compareOther': 'Files of this type can’t be compared here. Download both versions to compare them.',
  'deliverableViewer.diffTitle': 'Changes from version {old} to version {new}',
  'deliverableViewer.diffBy': 'Show changes by',
  'deliverableViewer.diffLines': 'Lines',
  'deliverableViewer.diffWords': 'Words',
  'deliverableViewer.diffLinesAdded': { one: '{count} line added', other: '{count} lines added' },
  'deliverableViewer.diffLinesRemoved': { one: '{count} line removed', other: '{count} lines removed' },
  'deliverableViewer.diffWordsAdded': { one: '{count} word added', other: '{count} words added' },
  'deliverableViewer.diffWordsRemoved': { one: '{count} word removed', other: '{count} words removed' },
  'deliverableViewer.diffSame': 'The two versions have the same text.',
  'deliverableViewer.diffAdded': 'Added:',
  'deliverableViewer.diffRemoved': 'Removed:',
  'deliverableViewer.diffAddedEnd': 'end of addition',
  'deliverableViewer.diffRemovedEnd': 'end of removal',
  'deliverableViewer.diffUnchanged': { one: 'Show {count} unchanged line', other: 'Show {count} unchanged lines' },
  'deliverableViewer.diffLoading': 'Comparing the texts…',
  'deliverableViewer.diffError': 'The texts couldn’t be loaded for comparison.',
  'deliverableViewer.diffTooLong': 'Only the beginning of the files is compared.',
  'deliverableViewer.retry': 'Try again',
} as const;

export type CompareMessageKey = keyof typeof en;
