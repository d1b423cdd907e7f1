import {
  NotificationCategory,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
  type Profile,
  type ProfileField,
  type ProfileUpdate,
} from '@portico/contract';
import type { Config } from '../config.js';
import type { PortalHandlers } from '../context.js';
import type { OrgDb } from '../db/tenant.js';
import { forbidden, validationFailed } from '../errors.js';
import { appendEvents } from '../events.js';

const CATEGORIES = NotificationCategory.options as readonly NotificationCategory[];

/** Every category's switches for a contact; a switch never changed is on. */
export async function loadPreferences(db: OrgDb, contactId: string): Promise<NotificationPreferences> {
  const rows = await db.query<{ category: string; channel: string; enabled: boolean }>(
    'SELECT category, channel, enabled FROM notification_preferences WHERE contact_id = $1',
    [contactId],
  );
  const off = new Set(rows.filter((r) => !r.enabled).map((r) => `${r.category}:${r.channel}`));
  return {
    categories: CATEGORIES.map((category) => ({
      category,
      inPortal: !off.has(`${category}:inPortal`),
      email: !off.has(`${category}:email`),
    })),
  };
}

/** Writes the named switches in one statement and tells the contact's other tabs. */
export async function savePreferences(
  db: OrgDb,
  contactId: string,
  update: NotificationPreferencesUpdate,
): Promise<NotificationPreferences> {
  // The last word on a switch named twice wins (one row per switch in the statement).
  const byKey = new Map<string, [string, string, boolean]>();
  for (const s of update.switches) byKey.set(`${s.category}:${s.channel}`, [s.category, s.channel, s.enabled]);
  if (byKey.size > 0) {
    const params: unknown[] = [contactId];
    const values = [...byKey.values()].map(([cat, ch, on]) => {
      params.push(cat, ch, on);
      const b = params.length;
      return `($1, $${b - 2}, $${b - 1}, $${b}, now())`;
    });
    await db.query(
      `INSERT INTO notification_preferences (contact_id, category, channel, enabled, updated_at) VALUES ${values.join(',')}
       ON CONFLICT (contact_id, category, channel) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
      params,
    );
    await appendEvents(db, [{ type: 'contact.updated', kind: 'contact', id: contactId, contactId, private: true }]);
  }
  return loadPreferences(db, contactId);
}

export interface ContactIdentity {
  contactId: string;
  name: string;
  email: string | null;
}

export async function loadProfile(db: OrgDb, who: ContactIdentity, config: Config): Promise<Profile> {
  const [s] = await db.query('SELECT language, time_zone FROM contact_settings WHERE contact_id = $1', [who.contactId]);
  return {
    name: who.name,
    email: who.email,
    language: s?.language ?? null,
    timeZone: s?.time_zone ?? null,
    editable: [...config.profileEditable],
    manageUrl: config.profileManageUrl ?? null,
  };
}

/** Checks what the contract's patterns cannot: a language tag and a time zone this runtime knows. */
function checkProfile(update: ProfileUpdate): void {
  const errors: Array<{ path: string; message: string }> = [];
  if (update.language) {
    try {
      Intl.getCanonicalLocales(update.language);
    } catch {
      errors.push({ path: 'language', message: 'Not a language tag (BCP 47), e.g. "de" or "pt-BR".' });
    }
  }
  if (update.timeZone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: update.timeZone });
    } catch {
      errors.push({ path: 'time_zone', message: 'Not a time zone this server knows (IANA name, e.g. "Europe/Berlin").' });
    }
  }
  if (errors.length) throw validationFailed(errors);
}

/** Stores the fields named (null clears one). `allowed`: the fields the caller may change. */
export async function saveProfile(
  db: OrgDb,
  who: ContactIdentity,
  update: ProfileUpdate,
  config: Config,
  allowed: readonly ProfileField[],
): Promise<Profile> {
  const named = (Object.keys(update) as ProfileField[]).filter((k) => update[k] !== undefined);
  const refused = named.filter((k) => !allowed.includes(k));
  if (refused.length) {
    throw forbidden(
      `The host manages ${refused.join(' and ')}${config.profileManageUrl ? ` at ${config.profileManageUrl}` : ''}; the portal may not change it.`,
    );
  }
  checkProfile(update);
  if (named.length > 0) {
    const lang = update.language !== undefined;
    const tz = update.timeZone !== undefined;
    await db.query(
      `INSERT INTO contact_settings (contact_id, language, time_zone, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (contact_id) DO UPDATE SET
         language = CASE WHEN $4 THEN EXCLUDED.language ELSE contact_settings.language END,
         time_zone = CASE WHEN $5 THEN EXCLUDED.time_zone ELSE contact_settings.time_zone END,
         updated_at = now()`,
      [who.contactId, update.language ?? null, update.timeZone ?? null, lang, tz],
    );
    await appendEvents(db, [{ type: 'contact.updated', kind: 'contact', id: who.contactId, contactId: who.contactId, private: true }]);
  }
  return loadProfile(db, who, config);
}

export const profile: PortalHandlers['profile'] = {
  get: ({ db, principal: p, svc }) => loadProfile(db, p, svc.config),
  update: ({ db, principal: p, svc, body }) => saveProfile(db, p, body, svc.config, svc.config.profileEditable),
};
