/** The portal's `tickets`, `attachments`, `articles` and `knowledgeBase` groups: each handler asks the server's provider (provider.ts). */
import type { PortalCtx, PortalHandlers } from '../context.js';
import { knowledgeBaseOf, type SupportCtx, supportOf } from './provider.js';

const sctx = (ctx: PortalCtx): SupportCtx => ({ db: ctx.db, principal: ctx.principal, svc: ctx.svc, fileUrl: ctx.fileUrl, c: ctx.c });
const tk = (ctx: PortalCtx) => supportOf(ctx.svc).tickets;
const ar = (ctx: PortalCtx) => knowledgeBaseOf(ctx.svc).articles;

export const tickets: PortalHandlers['tickets'] = {
  list: (ctx) => tk(ctx).list(sctx(ctx), ctx.query) as never,
  get: (ctx) => tk(ctx).get(sctx(ctx), ctx.params.id),
  create: (ctx) => tk(ctx).create(sctx(ctx), ctx.body),
  messages: (ctx) => tk(ctx).messages(sctx(ctx), ctx.params.id, ctx.query),
  reply: (ctx) => tk(ctx).reply(sctx(ctx), ctx.params.id, ctx.body),
  act: (ctx) => tk(ctx).act(sctx(ctx), ctx.params.id, ctx.body),
};

export const attachments: PortalHandlers['attachments'] = {
  upload: (ctx) => supportOf(ctx.svc).attachments.upload(sctx(ctx), ctx.body.file),
  policy: (ctx) => supportOf(ctx.svc).attachments.policy(sctx(ctx)),
};

export const articles: PortalHandlers['articles'] = {
  list: (ctx) => ar(ctx).list(sctx(ctx), ctx.query),
  async search(ctx) {
    return { data: await ar(ctx).search(sctx(ctx), ctx.query) };
  },
  async get(ctx) {
    const kb = knowledgeBaseOf(ctx.svc);
    // The provider's capability reaches the component with the article (kb-article hides voting without it).
    return { ...(await kb.articles.get(sctx(ctx), ctx.params.slug)), capabilities: { votes: kb.capabilities.votes } };
  },
  vote: (ctx) => ar(ctx).vote(sctx(ctx), ctx.params.slug, ctx.body.helpful),
  async categories(ctx) {
    return { data: await ar(ctx).categories(sctx(ctx)) };
  },
};

export const knowledgeBase: PortalHandlers['knowledgeBase'] = {
  home: (ctx) => ar(ctx).home(sctx(ctx), ctx.query.limit),
};
