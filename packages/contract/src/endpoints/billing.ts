import {
  AutoPayBody,
  BillingSession,
  BillingSessionCreate,
  InvoiceDetail,
  PaymentMethodParams,
  PaymentMethods,
  SubscriptionState,
  Usage,
} from '../schemas/billing.js';
import { IdParams } from '../schemas/common.js';
import { def, get, post } from './define.js';

/** Billing: an invoice in full, payment methods, the subscription, usage (admins only). */
export const billing = {
  invoice: get({ path: '/invoices/{id}/detail', params: IdParams, response: InvoiceDetail, roles: ['admin'] }),
  paymentMethods: get({ path: '/billing/payment-methods', response: PaymentMethods, roles: ['admin'] }),
  removePaymentMethod: def({
    method: 'DELETE',
    idempotent: false,
    path: '/billing/payment-methods/{method_id}',
    params: PaymentMethodParams,
    response: PaymentMethods,
    roles: ['admin'],
  }),
  setDefaultPaymentMethod: post({
    path: '/billing/payment-methods/{method_id}/default',
    params: PaymentMethodParams,
    response: PaymentMethods,
    roles: ['admin'],
  }),
  setAutoPay: post({ path: '/billing/auto-pay', body: AutoPayBody, response: PaymentMethods, roles: ['admin'] }),
  subscription: get({ path: '/billing/subscription', response: SubscriptionState, roles: ['admin'] }),
  usage: get({ path: '/billing/usage', response: Usage, roles: ['admin'] }),
  createSession: post({ path: '/billing/sessions', body: BillingSessionCreate, response: BillingSession, status: 201, roles: ['admin'] }),
} as const;
