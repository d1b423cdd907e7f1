import type { PortalHandlers } from '../context.js';

export const me: PortalHandlers['me'] = {
  async get({ principal: p }) {
    return {
      id: p.contactId,
      externalId: p.externalId,
      name: p.name,
      email: p.email,
      roles: p.roles,
      features: p.features,
      organization: { id: p.orgId, externalId: p.orgExternalId, name: p.orgName },
    };
  },
};
