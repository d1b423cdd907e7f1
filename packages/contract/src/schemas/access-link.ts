/**
 * Private client links (docs/client-links.md): access to one project, or to an organization's
 * client space, without an account. Staff make, list and revoke them (the staff API); the page a
 * link opens exchanges the link's token for a short-lived guest token (`redeemAccessLink`).
 */
import * as z from 'zod/mini';
import { Id, SafeUrl, Timestamp, text } from './common.js';

/** `permanent` until revoked; `expiring` until `expiresAt`; `single_use`: redeemed once. */
export const AccessLinkKind = z.enum(['permanent', 'expiring', 'single_use']);
export type AccessLinkKind = z.infer<typeof AccessLinkKind>;

/** A link as staff see it: never its token (only its hash is stored). */
export const AccessLink = z.object({
  id: Id,
  /** The organization, by the host's id (the token's `org`). */
  org: z.string(),
  /** The project it opens; `null`: the organization's client space (every project). */
  projectId: z.nullable(Id),
  kind: AccessLinkKind,
  label: z.string(),
  /** Whether the guest may approve or request changes (the guest token also carries `approver`). */
  allowApprove: z.boolean(),
  expiresAt: z.nullable(Timestamp),
  revokedAt: z.nullable(Timestamp),
  /** When a single-use link was redeemed. */
  usedAt: z.nullable(Timestamp),
  /** The last redemption (a page opening or renewing its guest token). */
  lastUsedAt: z.nullable(Timestamp),
  useCount: z.int().check(z.nonnegative()),
  createdAt: Timestamp,
});
export type AccessLink = z.infer<typeof AccessLink>;

const Text = (max: number) => text(z.trim(), z.minLength(1), z.maxLength(max));

export const AccessLinkCreate = z.object({
  /** The organization, by the host's id. */
  org: text(z.minLength(1), z.maxLength(128)),
  /** The project (of that organization); absent: the organization's client space. */
  projectId: z.optional(Id),
  kind: AccessLinkKind,
  /** Required for `expiring` (in the future), refused otherwise. */
  expiresAt: z.optional(Timestamp),
  /** Who it is for, shown to staff and as the guest's name on comments and decisions. */
  label: Text(200),
  allowApprove: z.optional(z.boolean()),
  /**
   * The page that will open the link (e.g. `https://agency.example/client.html`): the answer's
   * `url` is this page with the token in its fragment (`#link=…`).
   */
  pageUrl: z.optional(SafeUrl),
});
export type AccessLinkCreate = z.infer<typeof AccessLinkCreate>;

/** The created link, with its token: shown this once, never again. */
export const AccessLinkCreated = z.extend(AccessLink, {
  token: z.string(),
  /** `pageUrl#link=<token>` when `pageUrl` was given, else `null`. */
  url: z.nullable(z.string()),
});
export type AccessLinkCreated = z.infer<typeof AccessLinkCreated>;

export const AccessLinkListQuery = z.object({
  projectId: z.optional(Id),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(text(z.minLength(1), z.maxLength(512))),
});

/** What the page POSTs: the token from the link's fragment. */
export const AccessLinkRedeem = z.object({ token: text(z.minLength(1), z.maxLength(200)) });
export type AccessLinkRedeem = z.infer<typeof AccessLinkRedeem>;

/** A short-lived portal token with the `guest` role, scoped to the link's project. */
export const GuestToken = z.object({
  token: z.string(),
  /** When the token expires; re-POST the link's token for another (not for a single-use link). */
  expiresAt: Timestamp,
  projectId: z.nullable(Id),
  /** Whether POSTing the link's token again gives another guest token (false for single-use links). */
  renewable: z.boolean(),
});
export type GuestToken = z.infer<typeof GuestToken>;

/** The redemption endpoint, under the portal's base path; it takes no Authorization. */
export const ACCESS_LINK_REDEEM_PATH = '/access-links/redeem';
