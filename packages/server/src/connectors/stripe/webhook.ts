/**
 * `POST /connectors/v1/webhooks/stripe`: Stripe's events, verified on the raw body
 * (`stripe.webhooks.constructEvent` with STRIPE_WEBHOOK_SECRET), handled once per event id. An
 * event of a mapped customer drops that organization's cached answers (every process) and
 * appends the Portico event the components listen to, in one transaction with the event id's
 * record — so an invoice paid in Stripe turns paid in an open portal as soon as the stream
 * delivers it. Events of unmapped customers and of types Portico does not show answer 200.
 */
import type Stripe from 'stripe';
import { bindOrg } from '../../db/tenant.js';
import { appendEvents, type NewEvent } from '../../events.js';
import { ownerOfExternal } from '../accounts.js';
import type { ConnectorShared } from '../index.js';
import { firstDelivery, type WebhookHandler } from '../webhooks.js';

/** What an event type changes: cache prefixes to drop and the Portico event to append. */
function effect(type: string, object: { id?: string }): { keys: string[]; event?: Omit<NewEvent, 'adminOnly'> } | null {
  const id = object.id ?? '';
  if (type.startsWith('invoice.') || type.startsWith('invoice_payment.'))
    return {
      // Usage is billed on invoices too; the subscription's period moves when one is paid.
      keys: ['invoices', 'usage', 'subscription'],
      event: type.startsWith('invoice.') ? { type: 'invoice.updated', kind: 'invoice', id } : undefined,
    };
  if (type.startsWith('credit_note.'))
    return { keys: ['invoices'], event: { type: 'invoice.updated', kind: 'invoice', id: (object as { invoice?: string }).invoice ?? id } };
  // A refund changes an invoice's detail; the charge names the customer (a refund object does not always).
  if (type === 'charge.refunded' || type === 'charge.refund.updated')
    return { keys: ['invoices'], event: { type: 'invoice.updated', kind: 'invoice', id: (object as { invoice?: string }).invoice ?? id } };
  if (type.startsWith('customer.subscription.') || type.startsWith('subscription_schedule.'))
    return { keys: ['subscription', 'usage'], event: { type: 'subscription.updated', kind: 'subscription', id } };
  if (type.startsWith('payment_method.') || type === 'customer.updated' || type === 'customer.deleted')
    return { keys: ['payment_methods', 'invoices'], event: { type: 'payment_method.updated', kind: 'payment_method', id } };
  if (type.startsWith('billing.meter')) return { keys: ['usage'], event: { type: 'usage.updated', kind: 'usage', id } };
  return null;
}

/** The Stripe customer an event concerns. */
function customerOf(event: Stripe.Event): string | null {
  const obj = event.data.object as { object?: string; id?: string; customer?: string | { id: string } | null };
  if (obj.object === 'customer') return obj.id ?? null;
  const c = obj.customer ?? (event.data.previous_attributes as { customer?: string } | undefined)?.customer ?? null;
  return c == null ? null : typeof c === 'string' ? c : c.id;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function stripeWebhook(stripe: Stripe, secret: string | undefined, shared: ConnectorShared): WebhookHandler {
  return async ({ raw, headers }, { db, svc }) => {
    if (!secret) return json({ error: 'STRIPE_WEBHOOK_SECRET is not set' }, 404);
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(raw, headers.get('stripe-signature') ?? '', secret);
    } catch {
      return json({ error: 'signature verification failed' }, 400);
    }
    const what = effect(event.type, event.data.object as { id?: string });
    const customer = customerOf(event);
    const owner = what && customer ? await ownerOfExternal(db, 'stripe', 'customer', customer) : undefined;
    const handled = await db.transaction(async (tx) => {
      if (!(await firstDelivery(tx, 'stripe', event.id))) return 'duplicate';
      if (!what || !owner) return 'ignored';
      if (what.event) await appendEvents(bindOrg(tx, owner.orgId), [{ ...what.event, adminOnly: true }]);
      await shared.cache.publish(tx, owner.orgId, what.keys);
      return 'applied';
    });
    svc.log.debug('stripe webhook', { id: event.id, type: event.type, handled });
    return json({ received: true, handled });
  };
}
