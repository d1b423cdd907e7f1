// The provider suite (support-provider-suite.ts) for every support and knowledge-base provider:
// the database provider (Portico's own tables) and the Zendesk connector against the in-process
// fake of Zendesk (src/zendesk/fake.ts; no Zendesk account is reachable here: no live test). On
// PGlite, and PostgreSQL when DATABASE_URL is set (the mapping table and events are the server's).
import { harness } from './helpers.js';
import { supportProviderSuite } from './support-provider-suite.js';
import { startZendeskTarget } from './zendesk-target.js';

supportProviderSuite('database', async () => {
  const h = await harness();
  const alice = await h.token('acme', 'alice', ['member', 'admin'], { name: 'Alice Anders', email: 'alice@acme.example' });
  const bob = await h.token('acme', 'bob', ['member'], { name: 'Bob Brown', email: 'bob@acme.example' });
  for (const t of [alice, bob]) await h.api('/me', { token: t });
  const published = await h.staff('/articles', {
    body: {
      slug: 'exporting-reports',
      title: 'Exporting reports',
      summary: 'CSV and PDF.',
      body: 'Open a report and choose **Export** as spreadsheet.',
      bodyFormat: 'markdown',
    },
  });
  if (published.status !== 200) throw new Error(published.text);
  return {
    h,
    alice,
    bob,
    async agentReply(ticketId, body) {
      const r = await h.staff(`/tickets/${ticketId}/messages`, { body: { body, agent_name: 'Sam Agent' } });
      if (r.status >= 300) throw new Error(r.text);
    },
    article: { slug: 'exporting-reports', word: 'spreadsheet', bodyText: 'choose **Export**' },
    close: () => h.close(),
  };
});

supportProviderSuite('zendesk (fake)', async () => (await startZendeskTarget()).env);
