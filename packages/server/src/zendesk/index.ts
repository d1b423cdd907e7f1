/** The Zendesk connector: support (tickets, messages, attachments) and knowledge base (Help Center articles). */
import { ZendeskClient, type ZendeskClientOptions } from './client.js';
import { zendeskKnowledgeBase } from './kb.js';
import { zendeskSupport } from './support.js';

export { ZendeskClient, type ZendeskClientOptions } from './client.js';
export { zendeskKnowledgeBase } from './kb.js';
export { zendeskSupport } from './support.js';

export interface ZendeskProviderOptions extends ZendeskClientOptions {
  /** Help Center locales served (`en-us`, `de`, …): the request's Accept-Language picks one; the first is the default. */
  locales?: string[];
}

/** Both providers on one client, for `createApp({ support, knowledgeBase })`. */
export function zendeskProviders(opts: ZendeskProviderOptions) {
  const client = new ZendeskClient(opts);
  return { support: zendeskSupport(client), knowledgeBase: zendeskKnowledgeBase(client, opts.locales?.length ? opts.locales : ['en-us']) };
}
