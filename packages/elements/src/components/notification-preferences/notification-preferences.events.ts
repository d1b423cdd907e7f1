import type { NotificationPreferences, PreferenceSwitch } from '@portico/contract';

/** Detail of `portico-preferences-change-request`: a switch is about to be saved. */
export interface PorticoPreferencesChangeRequestDetail {
  switch: PreferenceSwitch;
}

/** Detail of `portico-preferences-change`: the server stored it; every category's switches as they are now. */
export interface PorticoPreferencesChangeDetail {
  switch: PreferenceSwitch;
  preferences: NotificationPreferences;
}

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** A switch was flipped; fired before it is saved. Cancelable: `preventDefault()` keeps it as it was. */
    'portico-preferences-change-request': PorticoPreferencesChangeRequestDetail;
    /** A switch was saved. */
    'portico-preferences-change': PorticoPreferencesChangeDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-preferences-change-request': CustomEvent<PorticoPreferencesChangeRequestDetail>;
    'portico-preferences-change': CustomEvent<PorticoPreferencesChangeDetail>;
  }
}
