/** The portal's `billing` endpoint group: each handler asks the server's billing provider (provider.ts). */
import type { PortalCtx, PortalHandlers } from '../context.js';
import { billingOf } from './provider.js';

const of = (ctx: PortalCtx) => ({ provider: billingOf(ctx.svc), bctx: { db: ctx.db, fileUrl: ctx.fileUrl } });

export const billing: PortalHandlers['billing'] = {
  async invoice(ctx) {
    const { provider, bctx } = of(ctx);
    return provider.invoices.detail(bctx, ctx.params.id);
  },
  async paymentMethods(ctx) {
    const { provider, bctx } = of(ctx);
    return provider.paymentMethods.list(bctx);
  },
  async removePaymentMethod(ctx) {
    const { provider, bctx } = of(ctx);
    return provider.paymentMethods.remove(bctx, ctx.params.methodId);
  },
  async setDefaultPaymentMethod(ctx) {
    const { provider, bctx } = of(ctx);
    return provider.paymentMethods.setDefault(bctx, ctx.params.methodId);
  },
  async setAutoPay(ctx) {
    const { provider, bctx } = of(ctx);
    return provider.paymentMethods.setAutoPay(bctx, ctx.body.enabled);
  },
  async subscription(ctx) {
    const { provider, bctx } = of(ctx);
    return provider.subscription.get(bctx);
  },
  async usage(ctx) {
    const { provider, bctx } = of(ctx);
    return provider.usage.get(bctx);
  },
  async createSession(ctx) {
    const { provider, bctx } = of(ctx);
    return provider.sessions.create(bctx, ctx.body);
  },
};

/** The portal's `invoices` group, through the provider too (its database provider runs routes/invoices.ts). */
export const invoicesViaProvider: PortalHandlers['invoices'] = {
  async list(ctx) {
    const { provider, bctx } = of(ctx);
    return provider.invoices.list(bctx, ctx.query) as never;
  },
  async totals(ctx) {
    const { provider, bctx } = of(ctx);
    return provider.invoices.totals(bctx, ctx.query);
  },
  async get(ctx) {
    const { provider, bctx } = of(ctx);
    return provider.invoices.get(bctx, ctx.params.id);
  },
};
