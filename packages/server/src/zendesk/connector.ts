/**
 * The Zendesk connector in the server's connector registry (../connectors/index.ts): enabled by
 * `PORTICO_SUPPORT_PROVIDER=zendesk` and/or `PORTICO_KB_PROVIDER=zendesk`, reached at ZENDESK_API_BASE
 * or `https://<ZENDESK_SUBDOMAIN>.zendesk.com` as ZENDESK_EMAIL with ZENDESK_API_TOKEN. Answers are
 * cached per organization (the shared cache); a Zendesk webhook (`POST
 * /connectors/v1/webhooks/zendesk`, signed with ZENDESK_WEBHOOK_SECRET) drops the ticket's
 * organization's cached tickets and emits `ticket.updated`, so an open portal refetches.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ownerOfExternal } from '../connectors/accounts.js';
import type { ConnectorCache } from '../connectors/cache.js';
import type { ConnectorsConfig } from '../connectors/config.js';
import type { ConnectorFactory } from '../connectors/index.js';
import type { WebhookHandler } from '../connectors/webhooks.js';
import { firstDelivery } from '../connectors/webhooks.js';
import { bindOrg } from '../db/tenant.js';
import { appendEvents } from '../events.js';
import { ZendeskClient } from './client.js';
import { zendeskKnowledgeBase } from './kb.js';
import { TICKETS_KEY, zendeskSupport } from './support.js';

/** Webhook signatures older than this are refused (replays). */
const MAX_SKEW_MS = 5 * 60_000;

export function zendeskConnector(config: ConnectorsConfig): ConnectorFactory | undefined {
  const z = config.zendesk;
  if (!z || (config.support !== 'zendesk' && config.knowledgeBase !== 'zendesk')) return undefined;
  if (!z.email || !z.apiToken) throw new Error('The Zendesk connector needs ZENDESK_EMAIL and ZENDESK_API_TOKEN.');
  return (shared) => {
    const client = new ZendeskClient({
      base: z.apiBase ?? `https://${z.subdomain}.zendesk.com`,
      email: z.email!,
      apiToken: z.apiToken!,
      ...shared.backoff('Zendesk'),
    });
    return {
      support: config.support === 'zendesk' ? zendeskSupport(client, { cache: shared.cache }) : undefined,
      knowledgeBase:
        config.knowledgeBase === 'zendesk'
          ? zendeskKnowledgeBase(client, z.locales?.length ? z.locales : ['en-us'], { cache: shared.cache })
          : undefined,
      webhook: z.webhookSecret ? zendeskWebhook(z.webhookSecret, shared.cache) : undefined,
    };
  };
}

/** `base64(HMAC-SHA256(secret, timestamp + body))`, as Zendesk signs its webhooks. */
export function zendeskSignature(secret: string, timestamp: string, raw: Buffer | string): string {
  return createHmac('sha256', secret).update(timestamp).update(raw).digest('base64');
}

/**
 * A Zendesk event subscription's ticket event (`{ id, type: 'zen:event-type:ticket.…', detail: {
 * id, organization_id } }`) or a trigger's body (`{ ticket_id, organization_id, event_id }`).
 */
export function zendeskWebhook(secret: string, cache: ConnectorCache): WebhookHandler {
  return async ({ raw, headers }, { db }) => {
    const sig = headers.get('x-zendesk-webhook-signature') ?? '';
    const ts = headers.get('x-zendesk-webhook-signature-timestamp') ?? '';
    const want = Buffer.from(zendeskSignature(secret, ts, raw));
    const got = Buffer.from(sig);
    const at = Date.parse(ts);
    if (got.length !== want.length || !timingSafeEqual(got, want) || !Number.isFinite(at) || Math.abs(Date.now() - at) > MAX_SKEW_MS) {
      return Response.json({ error: 'bad signature' }, { status: 400 });
    }
    let body: {
      id?: unknown;
      event_id?: unknown;
      detail?: { id?: unknown; organization_id?: unknown };
      ticket_id?: unknown;
      organization_id?: unknown;
    };
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return Response.json({ error: 'not JSON' }, { status: 400 });
    }
    const ticket = String(body.detail?.id ?? body.ticket_id ?? '');
    const zorg = String(body.detail?.organization_id ?? body.organization_id ?? '');
    const eventId = String(body.id ?? body.event_id ?? headers.get('x-zendesk-webhook-invocation-id') ?? '');
    if (!/^\d+$/.test(ticket) || !/^\d+$/.test(zorg)) return Response.json({ ignored: true }, { status: 200 });
    const owner = await ownerOfExternal(db, 'zendesk', 'organization', zorg);
    if (!owner) return Response.json({ ignored: true }, { status: 200 });
    // Marked seen, cache dropped (here and, at COMMIT, in every process) and the event appended in one transaction.
    await db.transaction(async (tx) => {
      if (eventId && !(await firstDelivery(tx, 'zendesk', eventId))) return;
      await cache.publish(tx, owner.orgId, [TICKETS_KEY]);
      await appendEvents(bindOrg(tx, owner.orgId), [{ type: 'ticket.updated', kind: 'ticket', id: ticket }]);
    });
    return Response.json({ received: true }, { status: 200 });
  };
}
