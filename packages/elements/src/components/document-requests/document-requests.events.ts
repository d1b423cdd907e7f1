import type { DocumentItem, DocumentReview } from '@portico/contract';

/** Detail of `portico-document-review-request` (cancelable) and of `portico-document-review`. */
export interface PorticoDocumentReviewRequestDetail {
  requestId: string;
  itemId: string;
  decision: DocumentReview['decision'];
  reason: string | null;
}
export interface PorticoDocumentReviewDetail extends PorticoDocumentReviewRequestDetail {
  item: DocumentItem;
}
/** Detail of `portico-document-upload`: a file was stored for an item. */
export interface PorticoDocumentUploadDetail {
  requestId: string;
  itemId: string;
  fileName: string;
}

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** A reviewer is about to decide on an item. Cancelable: `preventDefault()` sends nothing. */
    'portico-document-review-request': PorticoDocumentReviewRequestDetail;
    /** The decision was stored; `detail.item` is the item as it is now. */
    'portico-document-review': PorticoDocumentReviewDetail;
    /** A file was uploaded for an item. */
    'portico-document-upload': PorticoDocumentUploadDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-document-review-request': CustomEvent<PorticoDocumentReviewRequestDetail>;
    'portico-document-review': CustomEvent<PorticoDocumentReviewDetail>;
    'portico-document-upload': CustomEvent<PorticoDocumentUploadDetail>;
  }
}
