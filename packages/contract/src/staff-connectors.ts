/**
 * Staff endpoints of the connectors (docs/connectors.md): which account of an external system is
 * an organization (its Stripe customer, its Zendesk organization) or one of its contacts (a
 * Zendesk user). Set here only, by the host's back end: an external id never comes from the
 * browser. Part of `staffEndpoints` (staff.ts).
 */
import * as z from 'zod/mini';
import type { EndpointDef } from './endpoints/define.js';
import { Timestamp, text } from './schemas/common.js';

const Ref = text(z.minLength(1), z.maxLength(128));

export const ExternalSystem = z.enum(['stripe', 'zendesk']);
/** `customer` (Stripe) and `organization` (Zendesk) name the organization; `user` (Zendesk) a contact. */
export const ExternalKind = z.enum(['organization', 'customer', 'user']);

export const ExternalAccount = z.object({
  system: ExternalSystem,
  kind: ExternalKind,
  /** The contact's id in the host's system for a `user`; null for the organization's own account. */
  contact: z.nullable(z.string()),
  externalId: z.string(),
  updatedAt: Timestamp,
});
export type ExternalAccount = z.infer<typeof ExternalAccount>;

export const ExternalAccountList = z.object({ data: z.array(ExternalAccount) });

export const ExternalAccountSet = z.object({
  system: ExternalSystem,
  kind: ExternalKind,
  /** For `user`: the contact (the host's id, the token's `sub`); absent otherwise. */
  contact: z.optional(Ref),
  externalId: text(z.trim(), z.minLength(1), z.maxLength(255)),
});

export const ExternalAccountParams = z.object({ org: Ref, system: ExternalSystem, kind: ExternalKind });
export const ExternalAccountDeleteQuery = z.object({ contact: z.optional(Ref) });

const def = <const E extends EndpointDef>(e: E): E => e;

export const staffConnectorEndpoints = {
  list: def({
    method: 'GET',
    idempotent: true,
    path: '/orgs/{org}/external-accounts',
    tag: 'staff',
    summary: "An organization's accounts in external systems (Stripe customer, Zendesk organization and users)",
    params: z.object({ org: Ref }),
    response: ExternalAccountList,
  }),
  set: def({
    method: 'POST',
    idempotent: false,
    path: '/orgs/{org}/external-accounts',
    tag: 'staff',
    summary: 'Map an organization or a contact to an account of an external system (replaces an earlier mapping)',
    params: z.object({ org: Ref }),
    body: ExternalAccountSet,
    response: ExternalAccount,
  }),
  remove: def({
    method: 'DELETE',
    idempotent: false,
    path: '/orgs/{org}/external-accounts/{system}/{kind}',
    tag: 'staff',
    summary: 'Remove a mapping (the connector then serves nothing for that organization or contact)',
    params: ExternalAccountParams,
    query: ExternalAccountDeleteQuery,
    response: z.object({}),
    status: 204,
  }),
} as const;
