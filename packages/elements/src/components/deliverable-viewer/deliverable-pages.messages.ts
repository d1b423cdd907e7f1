/** English messages of the deliverable viewer's PDF pages (registered by its lazy PDF previewer). */
export const en = {
  'deliverableViewer.pages': 'Pages',
  'deliverableViewer.previousPage': 'Previous page',
  'deliverableViewer.nextPage': 'Next page',
  'deliverableViewer.pageOf': 'Page {page} of {pages}',
  'deliverableViewer.pageLabel': 'Page {page} of {pages} of {name}',
  'deliverableViewer.pdfHint': 'PDF preview. Page Up and Page Down change the page, plus and minus keys zoom, 0 fits.',
  'deliverableViewer.pdfLoading': 'Loading the PDF…',
  'deliverableViewer.pdfError': 'This PDF couldn’t be shown.',
  'deliverableViewer.pdfPassword': 'This PDF is password-protected and can’t be shown here.',
  'deliverableViewer.downloadFile': 'Download {name}',
  'deliverableViewer.pdfNoPage': 'Version {number} has no page {page}: it has {pages}.',
} as const;

export type PagesMessageKey = keyof typeof en;
