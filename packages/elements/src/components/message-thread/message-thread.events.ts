import type { ProjectMessage, ProjectMessageReadState } from '@portico/contract';

/** Detail of `portico-message-request`: a message about to be sent. */
export interface PorticoMessageRequestDetail {
  projectId: string;
  body: string;
  attachmentIds: string[];
}

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** A message is about to be sent. Cancelable: `preventDefault()` keeps it unsent in the composer. */
    'portico-message-request': PorticoMessageRequestDetail;
    /** A message was stored; `detail.message` is the server's message. */
    'portico-message': { message: ProjectMessage };
    /** The contact's read marker moved; `detail.readState` is the server's read state (unread count…). */
    'portico-messages-read': { projectId: string; readState: ProjectMessageReadState };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-message-request': CustomEvent<PorticoMessageRequestDetail>;
    'portico-message': CustomEvent<{ message: ProjectMessage }>;
    'portico-messages-read': CustomEvent<{ projectId: string; readState: ProjectMessageReadState }>;
  }
}
