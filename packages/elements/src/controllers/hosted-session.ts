import type { BillingSession, BillingSessionPurpose } from '@portico/contract';
import type { PorticoElement } from '../base/portico-element.js';
import { MutationController } from './mutation-controller.js';

export interface HostedSessionInput {
  purpose: BillingSessionPurpose;
  methodId?: string;
}

/**
 * A billing action done on the provider's hosted page: asks the server for a one-time link
 * (`POST /billing/sessions`, the return URL being this page) and opens it with `navigate` — the
 * component's own `navigate` property, so that a host may open it elsewhere. A failure is the
 * controller's (`renderFailure`). Used by `<portico-payment-methods>` and `<portico-subscription>`.
 */
export function hostedSession(
  host: PorticoElement,
  navigate: (url: string) => void,
): MutationController<HostedSessionInput, BillingSession> {
  return new MutationController<HostedSessionInput, BillingSession>(host, {
    send: (client, input, { key, signal }) =>
      client.billing.createSession({ ...input, returnUrl: window.location.href, idempotencyKey: key, signal }),
    onSuccess: (session) => navigate(session.url),
  });
}
