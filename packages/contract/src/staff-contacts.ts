/**
 * Staff endpoints of a contact's own settings: notification preferences (what the host's mailer
 * reads before it sends an email) and the profile's language and time zone. Part of `staffEndpoints`.
 */
import * as z from 'zod/mini';
import type { EndpointDef } from './endpoints/define.js';
import { text } from './schemas/common.js';
import { NotificationPreferences, NotificationPreferencesUpdate } from './schemas/notification.js';
import { Profile, ProfileUpdate } from './schemas/profile.js';

const Ref = text(z.minLength(1), z.maxLength(128));
/** An organization and one of its contacts, by the host's ids (the token's `org` and `sub`). */
export const ContactParams = z.object({ org: Ref, contact: Ref });

const def = <const E extends EndpointDef>(e: E): E => e;

export const staffContactEndpoints = {
  preferences: def({
    method: 'GET',
    idempotent: true,
    path: '/orgs/{org}/contacts/{contact}/notification-preferences',
    tag: 'staff',
    summary: "A contact's notification switches (the mailer sends an email only where `email` is on)",
    params: ContactParams,
    response: NotificationPreferences,
  }),
  updatePreferences: def({
    method: 'PATCH',
    idempotent: false,
    path: '/orgs/{org}/contacts/{contact}/notification-preferences',
    tag: 'staff',
    summary: "Change a contact's notification switches",
    params: ContactParams,
    body: NotificationPreferencesUpdate,
    response: NotificationPreferences,
  }),
  profile: def({
    method: 'GET',
    idempotent: true,
    path: '/orgs/{org}/contacts/{contact}/profile',
    tag: 'staff',
    summary: "A contact's profile as the portal knows it",
    params: ContactParams,
    response: Profile,
  }),
  updateProfile: def({
    method: 'PATCH',
    idempotent: false,
    path: '/orgs/{org}/contacts/{contact}/profile',
    tag: 'staff',
    summary: "Set a contact's language or time zone (whatever the portal may edit)",
    params: ContactParams,
    body: ProfileUpdate,
    response: Profile,
  }),
} as const;
