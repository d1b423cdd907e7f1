// The connectors' shared parts over real HTTP and a real database (PGlite, and PostgreSQL when
// DATABASE_URL is set): the staff API's organization ↔ external account mapping, the
// per-organization response cache (TTL, invalidation, a read racing an invalidation, two
// processes through NOTIFY) and the rate-limit backoff (429 + Retry-After honoured, bounded,
// the portal's retryable problem when exhausted). No external system is involved here.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { externalIdOf, ownerOfExternal } from '../../src/connectors/accounts.js';
import { fetchWithBackoff, parseRetryAfter, withBackoff } from '../../src/connectors/backoff.js';
import { ConnectorCache } from '../../src/connectors/cache.js';
import { connectorsConfig } from '../../src/connectors/config.js';
import { HttpError } from '../../src/errors.js';
import { type Fixture, type Harness, useFixture } from '../helpers.js';

let h: Harness;
let fx: Fixture;
useFixture((x) => ({ h, fx } = x));

const orgId = async (external: string) =>
  (await h.db.query<{ id: string }>('SELECT id FROM organizations WHERE external_id = $1', [external]))[0]!.id;

describe('external account mapping (staff API)', () => {
  it('maps an organization to a Stripe customer, lists it, re-maps it and removes it; the portal handle reads only its own', async () => {
    const set = await h.staff('/orgs/acme/external-accounts', { body: { system: 'stripe', kind: 'customer', external_id: 'cus_A' } });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ system: 'stripe', kind: 'customer', contact: null, external_id: 'cus_A' });
    const again = await h.staff('/orgs/acme/external-accounts', { body: { system: 'stripe', kind: 'customer', external_id: 'cus_A2' } });
    expect(again.body.external_id).toBe('cus_A2');
    const list = await h.staff('/orgs/acme/external-accounts');
    expect(list.body.data).toEqual([expect.objectContaining({ system: 'stripe', kind: 'customer', external_id: 'cus_A2' })]);
    const acme = await orgId('acme');
    const globex = await orgId('globex');
    expect(await externalIdOf(h.db.forOrg(acme), 'stripe', 'customer')).toBe('cus_A2');
    // Row-level security: another organization's handle does not see acme's row even when asking for it.
    expect(await externalIdOf(h.db.forOrg(globex), 'stripe', 'customer', acme)).toBeUndefined();
    expect(await ownerOfExternal(h.db, 'stripe', 'customer', 'cus_A2')).toEqual({ orgId: acme, localId: acme });
    const del = await h.staff('/orgs/acme/external-accounts/stripe/customer', { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect((await h.staff('/orgs/acme/external-accounts/stripe/customer', { method: 'DELETE' })).status).toBe(404);
    expect(await externalIdOf(h.db.forOrg(acme), 'stripe', 'customer')).toBeUndefined();
  });

  it('one external account belongs to one organization: mapping it to a second answers 409', async () => {
    expect(
      (await h.staff('/orgs/acme/external-accounts', { body: { system: 'stripe', kind: 'customer', external_id: 'cus_X' } })).status,
    ).toBe(200);
    const taken = await h.staff('/orgs/globex/external-accounts', { body: { system: 'stripe', kind: 'customer', external_id: 'cus_X' } });
    expect(taken.status).toBe(409);
    expect(await externalIdOf(h.db.forOrg(await orgId('globex')), 'stripe', 'customer')).toBeUndefined();
    await h.staff('/orgs/acme/external-accounts/stripe/customer', { method: 'DELETE' });
  });

  it('a Zendesk user is a contact’s: the contact is required and must exist; kinds a system lacks are refused', async () => {
    const user = await h.staff('/orgs/acme/external-accounts', {
      body: { system: 'zendesk', kind: 'user', contact: 'bob', external_id: '9001' },
    });
    expect(user.status, user.text).toBe(200);
    expect(user.body).toMatchObject({ contact: 'bob', external_id: '9001' });
    const bob = (await h.db.query('SELECT id FROM contacts WHERE external_id = $1', ['bob']))[0]!.id;
    expect(await externalIdOf(h.db.forOrg(await orgId('acme')), 'zendesk', 'user', bob)).toBe('9001');
    expect((await h.staff('/orgs/acme/external-accounts', { body: { system: 'zendesk', kind: 'user', external_id: '1' } })).status).toBe(
      400,
    );
    expect(
      (await h.staff('/orgs/acme/external-accounts', { body: { system: 'zendesk', kind: 'user', contact: 'nobody', external_id: '1' } }))
        .status,
    ).toBe(404);
    expect(
      (await h.staff('/orgs/acme/external-accounts', { body: { system: 'stripe', kind: 'user', contact: 'bob', external_id: '1' } }))
        .status,
    ).toBe(400);
    expect(
      (await h.staff('/orgs/acme/external-accounts', { body: { system: 'stripe', kind: 'customer', contact: 'bob', external_id: 'c' } }))
        .status,
    ).toBe(400);
    expect((await h.staff('/orgs/acme/external-accounts/zendesk/user?contact=bob', { method: 'DELETE' })).status).toBe(204);
  });

  it('is staff-only: a portal token cannot reach it, and there is no portal endpoint that writes a mapping', async () => {
    const r = await fetch(`${h.url}/staff/v1/orgs/acme/external-accounts`, { headers: { authorization: `Bearer ${fx.tokens.alice}` } });
    expect(r.status).toBe(401);
    const bad = await h.api('/external-accounts', {
      token: fx.tokens.alice,
      body: { system: 'stripe', kind: 'customer', external_id: 'cus_evil' },
    });
    expect(bad.status).toBe(404);
  });

  it('a mapping change invalidates the organization’s cached answers', async () => {
    const acme = await orgId('acme');
    const cache = h.server.portico.services.connectors.cache;
    let loads = 0;
    const read = () => cache.get(acme, 'invoices:list', async () => ++loads, 60_000);
    await read();
    await read();
    expect(loads).toBe(1);
    await h.staff('/orgs/acme/external-accounts', { body: { system: 'stripe', kind: 'customer', external_id: 'cus_Y' } });
    await read();
    expect(loads).toBe(2);
    await h.staff('/orgs/acme/external-accounts/stripe/customer', { method: 'DELETE' });
  });
});

describe('response cache', () => {
  it('keeps an answer for its TTL and no longer', async () => {
    let now = 1000;
    const cache = new ConnectorCache(100, 100, () => now);
    let n = 0;
    const load = async () => ++n;
    expect(await cache.get('o', 'k', load)).toBe(1);
    now += 99;
    expect(await cache.get('o', 'k', load)).toBe(1);
    now += 2;
    expect(await cache.get('o', 'k', load)).toBe(2);
  });

  it('invalidates by prefix and per organization; concurrent reads share one call; failures are not kept', async () => {
    const cache = new ConnectorCache(60_000);
    let n = 0;
    const load = async () => ++n;
    const [a, b] = await Promise.all([cache.get('o1', 'invoices:list:1', load), cache.get('o1', 'invoices:list:1', load)]);
    expect([a, b]).toEqual([1, 1]);
    await cache.get('o1', 'subscription', load);
    await cache.get('o2', 'invoices:list:1', load);
    expect(n).toBe(3);
    cache.invalidate('o1', ['invoices']);
    expect(await cache.get('o1', 'invoices:list:1', load)).toBe(4);
    expect(await cache.get('o1', 'subscription', load)).toBe(2);
    expect(await cache.get('o2', 'invoices:list:1', load)).toBe(3);
    await expect(cache.get('o3', 'k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('o3', 'k', load)).toBe(5);
  });

  it('a read in flight when an invalidation comes is not kept: the next read asks again', async () => {
    const cache = new ConnectorCache(60_000);
    let release!: (v: string) => void;
    const slow = cache.get('o', 'k', () => new Promise<string>((r) => (release = r)));
    cache.invalidate('o', ['k']);
    release('before the webhook');
    expect(await slow).toBe('before the webhook');
    expect(await cache.get('o', 'k', async () => 'after the webhook')).toBe('after the webhook');
  });

  it('two processes: an invalidation published by one reaches the other through the database (LISTEN/NOTIFY)', async () => {
    const a = new ConnectorCache(60_000);
    const b = new ConnectorCache(60_000);
    const stopA = await a.attach(h.db);
    const stopB = await b.attach(h.db);
    try {
      let n = 0;
      await b.get('org1', 'invoices:list', async () => ++n);
      await b.get('org1', 'usage', async () => ++n);
      await a.publish(h.db, 'org1', ['invoices']);
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline && (await b.get('org1', 'invoices:list', async () => -1)) !== -1) {
        b.invalidate('nobody');
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await b.get('org1', 'invoices:list', async () => 99)).toBe(-1);
      expect(await b.get('org1', 'usage', async () => 99)).toBe(2);
    } finally {
      await stopA();
      await stopB();
    }
  });
});

describe('rate-limit backoff', () => {
  let server: Server;
  let calls: number[] = [];
  let script: Array<{ status: number; retryAfter?: string }> = [];
  const started = new Promise<string>((resolve) => {
    server = createServer((_req, res) => {
      calls.push(Date.now());
      const step = script.shift() ?? { status: 200 };
      res.writeHead(step.status, step.retryAfter ? { 'retry-after': step.retryAfter } : {});
      res.end(step.status === 200 ? 'ok' : 'slow down');
    }).listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(Date.now() + 3000).toUTCString(), Date.now())).toBeGreaterThan(1000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('waits as long as Retry-After says, then succeeds', async () => {
    const url = await started;
    calls = [];
    script = [{ status: 429, retryAfter: '1' }];
    const r = await fetchWithBackoff(url, {}, { service: 'Test', retries: 2 });
    expect(r.status).toBe(200);
    expect(calls).toHaveLength(2);
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(950);
  });

  it('gives up after the bounded tries with the portal’s retryable 503 and Retry-After', async () => {
    const url = await started;
    calls = [];
    script = [
      { status: 429, retryAfter: '0' },
      { status: 429, retryAfter: '0' },
      { status: 429, retryAfter: '3' },
    ];
    const err = await fetchWithBackoff(url, {}, { service: 'Test', retries: 2 }).catch((e) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 503, code: 'unavailable', headers: { 'Retry-After': '3' } });
    expect(err.detail).toMatch(/Test is limiting requests; try again in 3 s/);
    expect(calls).toHaveLength(3);
  });

  it('does not sleep through a Retry-After longer than the longest wait: the portal is told at once', async () => {
    const url = await started;
    calls = [];
    script = [{ status: 429, retryAfter: '120' }];
    const t0 = Date.now();
    const err = await fetchWithBackoff(url, {}, { service: 'Test', retries: 3, maxWaitMs: 5000 }).catch((e) => e);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(err).toMatchObject({ status: 503, headers: { 'Retry-After': '120' } });
    expect(calls).toHaveLength(1);
  });

  it('an error the classifier calls final is thrown as it is, without retrying', async () => {
    let n = 0;
    const err = await withBackoff(
      async () => {
        n++;
        throw new Error('card declined');
      },
      () => ({ retry: false }),
      { service: 'Test' },
    ).catch((e) => e);
    expect(err.message).toBe('card declined');
    expect(n).toBe(1);
  });
});

describe('configuration', () => {
  it('database is every group’s default; stripe needs its key; bad values fail the start', () => {
    expect(connectorsConfig({})).toMatchObject({ billing: 'database', support: 'database', knowledgeBase: 'database', cacheTtlMs: 60_000 });
    expect(() => connectorsConfig({ PORTICO_BILLING_PROVIDER: 'stripe' })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => connectorsConfig({ PORTICO_BILLING_PROVIDER: 'paypal' })).toThrow(/database or stripe/);
    expect(() => connectorsConfig({ STRIPE_SECRET_KEY: 'sk', STRIPE_API_BASE: 'ftp://x' })).toThrow(/STRIPE_API_BASE/);
    expect(
      connectorsConfig({ PORTICO_BILLING_PROVIDER: 'stripe', STRIPE_SECRET_KEY: 'sk_test', STRIPE_API_BASE: 'http://127.0.0.1:9/v1' })
        .stripe,
    ).toEqual({ secretKey: 'sk_test', webhookSecret: undefined, apiBase: 'http://127.0.0.1:9' });
  });
});

describe('webhook event ids', () => {
  it('are remembered once per system, and forgotten by the retention job after 30 days', async () => {
    const { firstDelivery } = await import('../../src/connectors/webhooks.js');
    const { runRetention } = await import('../../src/retention.js');
    expect(await firstDelivery(h.db, 'stripe', 'evt_r1')).toBe(true);
    expect(await firstDelivery(h.db, 'stripe', 'evt_r1')).toBe(false);
    expect(await firstDelivery(h.db, 'zendesk', 'evt_r1')).toBe(true);
    await h.db.query(
      "UPDATE connector_webhook_events SET received_at = now() - interval '31 days' WHERE system = 'stripe' AND event_id = 'evt_r1'",
    );
    await runRetention(h.db, undefined, { eventRetentionHours: 72 });
    const left = await h.db.query("SELECT system FROM connector_webhook_events WHERE event_id = 'evt_r1' ORDER BY system");
    expect(left.map((r) => r.system)).toEqual(['zendesk']);
  });
});
