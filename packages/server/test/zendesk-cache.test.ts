// The Zendesk connector as configured (PORTICO_SUPPORT_PROVIDER=zendesk, ZENDESK_*: the server's
// connector registry, its per-organization cache and webhook intake) against the in-process Zendesk
// fake (no live account). On PGlite and PostgreSQL: the mapping, the webhook's event-id ledger and
// the events are the server's tables. Zendesk signs a webhook as base64(HMAC-SHA256(secret,
// timestamp + body)) in `X-Zendesk-Webhook-Signature`, the timestamp in
// `X-Zendesk-Webhook-Signature-Timestamp`; an event subscription's body is `{ id, type, detail: {
// id, organization_id, … } }`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorsConfig } from '../src/connectors/config.js';
import { zendeskSignature } from '../src/zendesk/connector.js';
import { startZendeskFake, type ZendeskFake } from '../src/zendesk/fake.js';
import { type Harness, harness } from './helpers.js';

const SECRET = 'zendesk-webhook-secret';
let fake: ZendeskFake;
let h: Harness;
let alice: string;
let ticket: number;
const ZORG = 4242;

beforeAll(async () => {
  fake = await startZendeskFake();
  const user = fake.addUser({ name: 'Alice Anders', email: 'alice@acme.example', role: 'end-user', organization_id: ZORG });
  ticket = fake.addRequest({ requester_id: user.id, subject: 'Webhook me', body: 'x', status: 'open' }).id;
  h = await harness({
    connectors: connectorsConfig({
      PORTICO_SUPPORT_PROVIDER: 'zendesk',
      ZENDESK_API_BASE: fake.url,
      ZENDESK_EMAIL: fake.agentEmail,
      ZENDESK_API_TOKEN: fake.apiToken,
      ZENDESK_WEBHOOK_SECRET: SECRET,
      PORTICO_CONNECTOR_CACHE_TTL_SECONDS: '300',
    }),
  });
  alice = await h.token('acme', 'alice', ['member', 'admin'], { name: 'Alice Anders' });
  await h.api('/me', { token: alice });
  for (const body of [
    { kind: 'organization', external_id: String(ZORG) },
    { kind: 'user', contact: 'alice', external_id: String(user.id) },
  ]) {
    const r = await h.staff('/orgs/acme/external-accounts', { body: { system: 'zendesk', ...body } });
    if (r.status >= 300) throw new Error(r.text);
  }
}, 240_000);
afterAll(async () => {
  await h?.close();
  await fake?.close();
});

const status = async () => (await h.api(`/tickets/${ticket}`, { token: alice })).body.status;
const zendeskCalls = () => fake.log.filter((l) => l.url.startsWith('/api/v2/requests')).length;
const hook = (body: unknown, opts: { secret?: string; at?: Date } = {}) => {
  const raw = JSON.stringify(body);
  const ts = (opts.at ?? new Date()).toISOString();
  return fetch(`${h.url}/connectors/v1/webhooks/zendesk`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-zendesk-webhook-signature': zendeskSignature(opts.secret ?? SECRET, ts, raw),
      'x-zendesk-webhook-signature-timestamp': ts,
    },
    body: raw,
  });
};
const event = (id: string) => ({
  id,
  type: 'zen:event-type:ticket.status_changed',
  detail: { id: String(ticket), organization_id: String(ZORG) },
});
const ticketEvents = async () =>
  (
    await h.db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE type = 'ticket.updated' AND resource_id = $1", [
      String(ticket),
    ])
  )[0]!.n;

describe('zendesk connector: cache and webhooks', () => {
  it('a read is answered from the organization cache until a signed webhook drops it; then the portal reads the new state and a live event is emitted', async () => {
    expect(await status()).toBe('open');
    const before = zendeskCalls();
    expect(await status()).toBe('open');
    expect(zendeskCalls()).toBe(before); // cached: Zendesk was not asked again
    fake.requests.find((r) => r.id === ticket)!.status = 'solved';
    expect(await status()).toBe('open'); // still the cached answer
    const events = await ticketEvents();
    const r = await hook(event('evt-1'));
    expect(r.status).toBe(200);
    expect(await status()).toBe('solved');
    expect(await ticketEvents()).toBe(events + 1);
  });

  it('a redelivered event does nothing twice; a bad or stale signature is refused (400) and drops nothing', async () => {
    const events = await ticketEvents();
    expect((await hook(event('evt-1'))).status).toBe(200);
    expect(await ticketEvents()).toBe(events);
    fake.requests.find((r) => r.id === ticket)!.status = 'hold';
    expect((await hook(event('evt-2'), { secret: 'wrong' })).status).toBe(400);
    expect((await hook(event('evt-3'), { at: new Date(Date.now() - 3600e3) })).status).toBe(400);
    expect(await status()).toBe('solved');
    expect(await ticketEvents()).toBe(events);
  });

  it("a reply from the portal drops the organization's cached tickets itself", async () => {
    fake.requests.find((r) => r.id === ticket)!.status = 'pending';
    expect(await status()).toBe('solved');
    const r = await h.api(`/tickets/${ticket}/messages`, { token: alice, body: { body: 'Still there?' } });
    expect(r.status, r.text).toBe(201);
    // The fake reopens a pending request on the end user's comment.
    expect(await status()).toBe('open');
  });
});
