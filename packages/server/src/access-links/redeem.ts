/**
 * `POST /portal/v1/access-links/redeem`: the page a private client link opens sends the token from
 * its URL fragment and gets a short-lived guest token (docs/client-links.md). Only POST: a GET
 * (a mail scanner following the link) reaches the static page, never this endpoint, and a GET of
 * this path answers 404 without touching the link.
 */

import { getConnInfo } from '@hono/node-server/conninfo';
import {
  ACCESS_LINK_REDEEM_PATH,
  AccessLinkRedeem,
  API_PREFIX,
  type EndpointDef,
  type GuestToken,
  GuestToken as GuestTokenSchema,
} from '@portico/contract';
import type { Context, Hono } from 'hono';
import type { Config } from '../config.js';
import type { Services } from '../context.js';
import type { Db } from '../db/db.js';
import { HttpError } from '../errors.js';
import { readInput } from '../http/input.js';
import type { Send } from '../http/request-context.js';
import { toWire } from '../wire.js';
import { guestKey, mintGuestToken } from './guest-token.js';
import { RateLimiter } from './rate-limit.js';
import { hashLinkToken } from './staff.js';

const REDEEM: EndpointDef = {
  method: 'POST',
  path: ACCESS_LINK_REDEEM_PATH,
  idempotent: false,
  body: AccessLinkRedeem,
  response: GuestTokenSchema,
};

const gone = (code: 'link_revoked' | 'link_expired' | 'link_used', detail: string) =>
  new HttpError(410, code, 'Link no longer valid', detail);

/** The caller's address: the socket's, or (PORTICO_TRUST_PROXY=1) the last X-Forwarded-For hop. */
export function clientIp(c: Context, config: Pick<Config, 'trustProxy'>): string {
  if (config.trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (hops.length) return hops[hops.length - 1]!;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function registerRedemption(app: Hono, deps: { db: Db; config: Config; services: Services; send: Send }): void {
  const { db, config, services, send } = deps;
  const key = guestKey(config);
  const perIp = new RateLimiter(config.linkRatePerIp);
  const perLink = new RateLimiter(config.linkRatePerLink);

  app.post(API_PREFIX + ACCESS_LINK_REDEEM_PATH, async (c) => {
    // Counted before anything is read: a guessing client pays for every attempt.
    const ipWait = perIp.hit(`ip:${clientIp(c, config)}`);
    const input = await readInput(c, REDEEM, services);
    const { token } = input.body as AccessLinkRedeem;
    const hash = hashLinkToken(token);
    const wait = Math.max(ipWait, perLink.hit(hash));
    if (wait) {
      throw new HttpError(429, 'rate_limited', 'Too many requests', `Too many attempts; try again in ${wait} s.`, undefined, {
        'Retry-After': String(wait),
      });
    }
    const [link] = await db.query(
      `SELECT l.*, o.external_id AS org_external_id FROM access_links l JOIN organizations o ON o.id = l.org_id WHERE l.token_hash = $1`,
      [hash],
    );
    if (!link) throw new HttpError(404, 'link_invalid', 'Unknown link', 'This link is not valid: check that it was copied completely.');
    if (link.revoked_at) throw gone('link_revoked', 'This link was revoked.');
    const expiresAt = link.expires_at ? new Date(link.expires_at).getTime() : undefined;
    if (expiresAt !== undefined && expiresAt <= Date.now()) throw gone('link_expired', 'This link has expired.');
    const singleUse = link.kind === 'single_use';
    // One statement decides: of two concurrent redemptions of a single-use link, one updates the
    // row (used_at was NULL) and the other, re-checking the row after the first commits, none.
    const [used] = await db.query(
      `UPDATE access_links SET last_used_at = now(), use_count = use_count + 1, used_at = CASE WHEN kind = 'single_use' THEN now() ELSE used_at END
       WHERE id = $1 AND revoked_at IS NULL AND (kind <> 'single_use' OR used_at IS NULL) RETURNING id`,
      [link.id],
    );
    if (!used) {
      if (singleUse) throw gone('link_used', 'This single-use link was already used.');
      throw gone('link_revoked', 'This link was revoked.');
    }
    const now = Math.floor(Date.now() / 1000);
    let exp = now + (singleUse ? config.singleUseSessionSeconds : config.guestTokenTtlSeconds);
    if (expiresAt !== undefined) exp = Math.min(exp, Math.floor(expiresAt / 1000));
    const roles: Array<'guest' | 'approver'> = [
      'guest',
      ...((link.extra_roles as string[]).includes('approver') ? (['approver'] as const) : []),
    ];
    const guestToken = await mintGuestToken(
      key,
      { sub: `guest:${link.id}`, org: link.org_external_id, link: link.id, project: link.project_id ?? null, roles, name: link.label },
      exp,
    );
    const out: GuestToken = {
      token: guestToken,
      expiresAt: new Date(exp * 1000).toISOString(),
      projectId: link.project_id ?? null,
      renewable: !singleUse,
    };
    return send(c, JSON.stringify(toWire(out)), 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  });
}
