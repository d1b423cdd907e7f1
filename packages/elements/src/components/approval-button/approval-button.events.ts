import type { Approval, Decision } from '@portico/contract';

/** Detail of `portico-approve-request`: a decision is about to be sent. */
export interface PorticoApproveRequestDetail {
  deliverableId: string;
  version: number;
  decision: Decision;
  comment: string;
}

/** Detail of `portico-approve`: the decision was recorded. */
export interface PorticoApproveDetail {
  approval: Approval;
}

/** Detail of `portico-version-open`: the user asked to review another (newer) version. */
export interface PorticoVersionOpenDetail {
  deliverableId: string;
  version: number;
}

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** A decision was confirmed; fired before sending. Cancelable: `preventDefault()` sends nothing. */
    'portico-approve-request': PorticoApproveRequestDetail;
    /** The decision was recorded (after `approvals.create` succeeded). */
    'portico-approve': PorticoApproveDetail;
    /** "Open version N" was activated after a version conflict. Cancelable: `preventDefault()` keeps the element on its version. */
    'portico-version-open': PorticoVersionOpenDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-approve-request': CustomEvent<PorticoApproveRequestDetail>;
    'portico-approve': CustomEvent<PorticoApproveDetail>;
    'portico-version-open': CustomEvent<PorticoVersionOpenDetail>;
  }
}
