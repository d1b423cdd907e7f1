/**
 * Default handlers of the mock API's `billing` group (mock-api.ts), stateful so that stories and
 * tests can remove a method, change the default and turn auto-pay on and off, with the server's
 * rules (the last method while auto-pay is on, an expired default: 409).
 */
import type { PaymentMethods } from '@portico/contract';
import * as fx from '@portico/contract/fixtures';
import type { MockHandler, MockResponse } from './mock-api.js';

const T0 = Date.UTC(2026, 9, 1, 9, 0, 0);

export function billingHandlers(json: (body: unknown, status?: number) => MockResponse): Record<string, MockHandler> {
  const send = json;
  const conflict = (detail: string): MockResponse => ({ status: 409, body: { title: 'Conflict', status: 409, code: 'conflict', detail } });
  const missing: MockResponse = { status: 404, body: { title: 'Not found', status: 404, code: 'not_found' } };
  const state: PaymentMethods = fx.paymentMethods();
  const find = (id: string | undefined) => state.data.find((m) => m.id === id);
  return {
    'billing.invoice': ({ params }) => send(fx.invoiceDetail(1, { id: params.id! })),
    'billing.paymentMethods': () => send(state),
    'billing.removePaymentMethod': ({ params }) => {
      const m = find(params.methodId);
      if (!m) return missing;
      if (state.autoPay && state.data.length === 1) return conflict('This is the only payment method and auto-pay is on.');
      if (state.autoPay && m.isDefault)
        return conflict('Auto-pay charges the default payment method: make another method the default first.');
      state.data = state.data.filter((x) => x !== m);
      return send(state);
    },
    'billing.setDefaultPaymentMethod': ({ params }) => {
      const m = find(params.methodId);
      if (!m) return missing;
      if (m.expired) return conflict('An expired card cannot be the default payment method.');
      for (const x of state.data) x.isDefault = x === m;
      return send(state);
    },
    'billing.setAutoPay': ({ body }) => {
      const enabled = (body as { enabled: boolean }).enabled;
      if (enabled && !state.data.some((m) => m.isDefault && !m.expired)) return conflict('Auto-pay needs a valid default payment method.');
      state.autoPay = enabled;
      return send(state);
    },
    'billing.subscription': () => send({ subscription: fx.subscription(), capabilities: { hostedSessions: false } }),
    'billing.usage': () =>
      send({
        data: [
          fx.usageMeter(1, { name: 'API calls', used: 412_000, limit: 1_000_000, softLimit: true }),
          fx.usageMeter(2, {
            name: 'Data transfer',
            unit: 'gigabyte',
            unitLabel: null,
            used: 431.5,
            limit: 500,
            softLimit: false,
            warningThreshold: 0.8,
          }),
          fx.usageMeter(3, { name: 'Emails sent', unitLabel: 'emails', used: 18_250, limit: null }),
        ],
        asOf: new Date(T0 + 20 * 86_400_000).toISOString(),
      }),
    'billing.createSession': () => conflict('No billing page is configured on the server: the host application handles this action.'),
  };
}
