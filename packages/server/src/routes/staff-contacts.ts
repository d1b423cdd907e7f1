import type { StaffHandlers } from '../context.js';
import type { Queryable } from '../db/db.js';
import { bindOrg, type OrgDb } from '../db/tenant.js';
import { notFound } from '../errors.js';
import { type ContactIdentity, loadPreferences, loadProfile, savePreferences, saveProfile } from './account.js';

/** The contact named by the host's ids, and a handle of its organization. */
async function contactOf(db: Queryable, org: string, contact: string): Promise<{ org: OrgDb; who: ContactIdentity }> {
  const [c] = await db.query(
    `SELECT c.id, c.org_id, c.name, c.email FROM contacts c JOIN organizations o ON o.id = c.org_id
     WHERE o.external_id = $1 AND c.external_id = $2`,
    [org, contact],
  );
  if (!c) throw notFound('contact');
  return { org: bindOrg(db, c.org_id), who: { contactId: c.id, name: c.name, email: c.email } };
}

/** `/staff/v1/orgs/{org}/contacts/{contact}/…`: what the host's mailer reads, and staff writes of a contact's settings. */
export const staffContacts: StaffHandlers['contacts'] = {
  async preferences({ db, params }) {
    const { org, who } = await contactOf(db, params.org, params.contact);
    return loadPreferences(org, who.contactId);
  },
  async updatePreferences({ db, params, body }) {
    const { org, who } = await contactOf(db, params.org, params.contact);
    return savePreferences(org, who.contactId, body);
  },
  async profile({ db, params, svc }) {
    const { org, who } = await contactOf(db, params.org, params.contact);
    return loadProfile(org, who, svc.config);
  },
  async updateProfile({ db, params, body, svc }) {
    const { org, who } = await contactOf(db, params.org, params.contact);
    return saveProfile(org, who, body, svc.config, ['language', 'timeZone']);
  },
};
