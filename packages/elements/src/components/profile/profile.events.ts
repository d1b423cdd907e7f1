import type { Profile, ProfileUpdate } from '@portico/contract';

/** Detail of `portico-profile-change-request`: the changed fields are about to be saved. */
export interface PorticoProfileChangeRequestDetail {
  changes: ProfileUpdate;
}

/** Detail of `portico-profile-change`: the server stored them (e.g. switch the page to the new language). */
export interface PorticoProfileChangeDetail {
  changes: ProfileUpdate;
  profile: Profile;
}

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** The form was submitted with changes; fired before they are sent. Cancelable: `preventDefault()` sends nothing. */
    'portico-profile-change-request': PorticoProfileChangeRequestDetail;
    /** The profile was saved. */
    'portico-profile-change': PorticoProfileChangeDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-profile-change-request': CustomEvent<PorticoProfileChangeRequestDetail>;
    'portico-profile-change': CustomEvent<PorticoProfileChangeDetail>;
  }
}
