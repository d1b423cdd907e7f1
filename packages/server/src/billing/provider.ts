/**
 * Where billing data comes from: one small interface per resource group (invoices, invoice detail,
 * payment methods, subscription, usage, hosted sessions), with capability flags that the portal
 * responses pass on so components offer only what works. The database provider
 * (`database.ts`, filled by the staff API) is the default; a connector to a payment service
 * (issue 15: Stripe) implements the same interface and is given to `createApp({ billing })`.
 */
import type {
  BillingSession,
  BillingSessionPurpose,
  Invoice,
  InvoiceDetail,
  InvoiceListQuery,
  InvoiceSummary,
  InvoiceTotals,
  Page,
  PaymentMethods,
  SubscriptionState,
  Usage,
} from '@portico/contract';
import type { Services } from '../context.js';
import type { OrgDb } from '../db/tenant.js';
import type { Disposition } from '../storage.js';
import { databaseBilling } from './database.js';

/** What a provider call gets: the caller's organization-bound handle and a file-link signer. */
export interface BillingCtx {
  db: OrgDb;
  fileUrl(fileId: string, orgId: string, disposition: Disposition): string;
}

export interface BillingCapabilities {
  /** Removing a payment method from the portal. */
  removePaymentMethod: boolean;
  setDefaultPaymentMethod: boolean;
  /** Turning auto-pay on and off from the portal. */
  autoPay: boolean;
  /** One-time links to the provider's hosted pages (add/update a method, change/cancel the plan). */
  hostedSessions: boolean;
}

export interface InvoiceProvider {
  list(ctx: BillingCtx, query: InvoiceListQuery): Promise<Page<InvoiceSummary> | unknown>;
  totals(ctx: BillingCtx, query: Omit<InvoiceListQuery, 'sort' | 'limit' | 'cursor'>): Promise<InvoiceTotals>;
  /** The invoice with its lines (the list's shape plus lines); `not_found` (404) when it is not the organization's. */
  get(ctx: BillingCtx, id: string): Promise<Invoice>;
  /** The invoice in full; `not_found` (404) when it is not the organization's. */
  detail(ctx: BillingCtx, id: string): Promise<InvoiceDetail>;
}

export interface PaymentMethodProvider {
  list(ctx: BillingCtx): Promise<PaymentMethods>;
  /** Refuses (409) the last method while auto-pay is on, and the default one while others remain. */
  remove(ctx: BillingCtx, id: string): Promise<PaymentMethods>;
  setDefault(ctx: BillingCtx, id: string): Promise<PaymentMethods>;
  setAutoPay(ctx: BillingCtx, enabled: boolean): Promise<PaymentMethods>;
}

export interface SubscriptionProvider {
  get(ctx: BillingCtx): Promise<SubscriptionState>;
}

export interface UsageProvider {
  get(ctx: BillingCtx): Promise<Usage>;
}

export interface SessionProvider {
  /** A one-time URL of the provider's hosted page; 409 `conflict` when the provider has none. */
  create(ctx: BillingCtx, input: { purpose: BillingSessionPurpose; methodId?: string; returnUrl?: string }): Promise<BillingSession>;
}

export interface BillingProvider {
  readonly name: string;
  readonly capabilities: BillingCapabilities;
  readonly invoices: InvoiceProvider;
  readonly paymentMethods: PaymentMethodProvider;
  readonly subscription: SubscriptionProvider;
  readonly usage: UsageProvider;
  readonly sessions: SessionProvider;
}

const defaults = new WeakMap<Services, BillingProvider>();

/** The provider of a server: the one given to `createApp`, else the database provider (made once per server). */
export function billingOf(svc: Services): BillingProvider {
  if (svc.billing) return svc.billing;
  let p = defaults.get(svc);
  if (!p) {
    p = databaseBilling(svc.config);
    defaults.set(svc, p);
  }
  return p;
}
