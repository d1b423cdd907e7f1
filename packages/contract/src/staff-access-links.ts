/**
 * Staff endpoints of private client links (docs/client-links.md): make a link (its token is in
 * this one answer), list an organization's links with their last use, revoke one. Part of
 * `staffEndpoints`.
 */
import * as z from 'zod/mini';
import type { EndpointDef } from './endpoints/define.js';
import { AccessLink, AccessLinkCreate, AccessLinkCreated, AccessLinkListQuery } from './schemas/access-link.js';
import { Id, page, text } from './schemas/common.js';

const def = <const E extends EndpointDef>(e: E): E => e;

export const staffAccessLinkEndpoints = {
  create: def({
    method: 'POST',
    idempotent: false,
    path: '/access-links',
    tag: 'staff',
    summary: 'Make a private client link to a project or a client space (the token is shown once, in this answer)',
    body: AccessLinkCreate,
    response: AccessLinkCreated,
    status: 201,
  }),
  list: def({
    method: 'GET',
    idempotent: true,
    path: '/orgs/{org}/access-links',
    tag: 'staff',
    summary: "An organization's private client links, newest first, with their last use",
    params: z.object({ org: text(z.minLength(1), z.maxLength(128)) }),
    query: AccessLinkListQuery,
    response: page(AccessLink),
  }),
  revoke: def({
    method: 'POST',
    idempotent: false,
    path: '/access-links/{id}/revoke',
    tag: 'staff',
    summary: 'Revoke a private client link: it can no longer be redeemed, and its guest tokens stop working',
    params: z.object({ id: Id }),
    response: AccessLink,
  }),
} as const;
