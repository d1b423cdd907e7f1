// A Portico server whose support and knowledge base come from the Zendesk connector, pointed at the
// in-process Zendesk fake (src/zendesk/fake.ts), with acme's contacts mapped to Zendesk end users
// through the staff API. Shared by the provider suite and test/zendesk.test.ts.
import { type FakeArticle, startZendeskFake, type ZendeskFake } from '../src/zendesk/fake.js';
import { zendeskProviders } from '../src/zendesk/index.js';
import { type Harness, harness } from './helpers.js';
import type { SuiteEnv } from './support-provider-suite.js';

export interface ZendeskTarget {
  env: SuiteEnv;
  h: Harness;
  fake: ZendeskFake;
  users: { alice: number; bob: number; carol: number };
  zorg: number;
  articles: { published: FakeArticle; draft: FakeArticle; restricted: FakeArticle; german: FakeArticle };
}

export async function startZendeskTarget(opts: { retries?: number; maxWaitMs?: number } = {}): Promise<ZendeskTarget> {
  const fake = await startZendeskFake();
  const zorg = 9001;
  const alice = fake.addUser({ name: 'Alice Anders', email: 'alice@acme.example', role: 'end-user', organization_id: zorg });
  const bob = fake.addUser({ name: 'Bob Brown', email: 'bob@acme.example', role: 'end-user', organization_id: zorg });
  // An end user nobody maps: carol's contact stays unlinked.
  const carol = fake.addUser({ name: 'Carol Chen', email: 'carol@acme.example', role: 'end-user', organization_id: zorg });
  fake.sections.push({ id: 360001, name: 'Reports', locale: 'en-us' }, { id: 360002, name: 'Berichte', locale: 'de' });
  const at = (d: string) => `2026-11-${d}T10:00:00Z`;
  const art = (a: Partial<FakeArticle> & { id: number; title: string; body: string }): FakeArticle => {
    const full: FakeArticle = {
      locale: 'en-us',
      draft: false,
      user_segment_id: null,
      section_id: 360001,
      label_names: [],
      vote_sum: 0,
      vote_count: 0,
      created_at: at('01'),
      updated_at: at('02'),
      ...a,
    };
    fake.articles.push(full);
    return full;
  };
  const articles = {
    published: art({
      id: 115001,
      title: 'Exporting reports',
      body: '<h2>Export</h2><p>Open a report and choose <strong>Export</strong> as spreadsheet.</p>',
      label_names: ['export'],
      vote_sum: 3,
      vote_count: 5,
      updated_at: at('20'),
    }),
    draft: art({
      id: 115002,
      title: 'Unreleased spreadsheet feature',
      body: '<p>Draft spreadsheet notes.</p>',
      draft: true,
      updated_at: at('21'),
    }),
    restricted: art({
      id: 115003,
      title: 'Partner spreadsheet pricing',
      body: '<p>Only for partners: spreadsheet discounts.</p>',
      user_segment_id: 77,
      updated_at: at('22'),
    }),
    german: art({
      id: 115004,
      title: 'Berichte exportieren',
      body: '<p>Öffnen Sie einen Bericht und wählen Sie Export als Tabelle.</p>',
      locale: 'de',
      section_id: 360002,
    }),
  };
  const providers = zendeskProviders({
    base: fake.url,
    email: fake.agentEmail,
    apiToken: fake.apiToken,
    locales: ['en-us', 'de'],
    retries: opts.retries ?? 3,
    maxWaitMs: opts.maxWaitMs ?? 5000,
  });
  const h = await harness({}, providers);
  const tokens = {
    alice: await h.token('acme', 'alice', ['member', 'admin'], { name: 'Alice Anders', email: 'alice@acme.example' }),
    bob: await h.token('acme', 'bob', ['member'], { name: 'Bob Brown', email: 'bob@acme.example' }),
    carol: await h.token('acme', 'carol', ['member'], { name: 'Carol Chen', email: 'carol@acme.example' }),
  };
  for (const t of Object.values(tokens)) await h.api('/me', { token: t });
  const map = async (body: Record<string, unknown>) => {
    const r = await h.staff('/orgs/acme/external-accounts', { body: { system: 'zendesk', ...body } });
    if (r.status >= 300) throw new Error(`mapping: ${r.status} ${r.text}`);
  };
  await map({ kind: 'organization', external_id: String(zorg) });
  await map({ kind: 'user', contact: 'alice', external_id: String(alice.id) });
  await map({ kind: 'user', contact: 'bob', external_id: String(bob.id) });
  const env: SuiteEnv = {
    h,
    alice: tokens.alice,
    bob: tokens.bob,
    async agentReply(ticketId, body) {
      fake.addComment(Number(ticketId), { author_id: 1, body, public: true });
    },
    article: { slug: '115001-exporting-reports', word: 'spreadsheet', bodyText: '<strong>Export</strong>' },
    async close() {
      await h.close();
      await fake.close();
    },
  };
  return { env, h, fake, users: { alice: alice.id, bob: bob.id, carol: carol.id }, zorg, articles };
}

export type Tokens = { alice: string; bob: string; carol: string };
