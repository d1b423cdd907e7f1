// Knowledge-base search and home over real HTTP against the seeded demo data, on PGlite and (with
// DATABASE_URL) PostgreSQL: relevance of realistic questions, whole-word highlights, typo
// tolerance (pg_trgm on both), title over body, operators, highlights that cannot be forged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/seed.js';
import { type Harness, harness } from './helpers.js';

let h: Harness;
let bob: string;
let gina: string;

interface Segment {
  text: string;
  highlight: boolean;
}
interface Hit {
  article: { slug: string; title: string };
  title: Segment[];
  snippet: Segment[];
  score: number;
}

beforeAll(async () => {
  h = await harness();
  await seed(h.db, { filesDir: h.filesDir });
  bob = await h.token('acme', 'bob', ['member']);
  gina = await h.token('globex', 'gina', ['member', 'admin']);
});
afterAll(() => h?.close());

async function search(q: string, token = bob, extra = ''): Promise<Hit[]> {
  const r = await h.api(`/articles/search?q=${encodeURIComponent(q)}&limit=10${extra}`, { token });
  expect(r.status, r.text).toBe(200);
  return r.body.data;
}
const slugs = (hits: Hit[]) => hits.map((x) => x.article.slug);
const marked = (segs: Segment[]) => segs.filter((s) => s.highlight).map((s) => s.text.toLowerCase());

// Realistic questions → the article that answers them, which must be in the top three.
const RELEVANCE: Array<[string, string]> = [
  ['How do I download my invoice', 'download-an-invoice-as-pdf'],
  ['invoice pdf', 'download-an-invoice-as-pdf'],
  ['print an invoice', 'download-an-invoice-as-pdf'],
  ['downlod invoce', 'download-an-invoice-as-pdf'],
  ['I forgot my password', 'reset-a-forgotten-password'],
  ['reset pasword', 'reset-a-forgotten-password'],
  ['change credit card', 'update-your-payment-method'],
  ['my card expired', 'update-your-payment-method'],
  ['how can I add new team members', 'invite-colleagues-to-the-portal'],
  ['cancel subscription', 'cancel-or-pause-your-subscription'],
  ['export tickets to excel', 'export-your-data-to-csv-or-excel'],
  ['change my login email', 'change-your-sign-in-email-address'],
  ['attach a screenshot to a ticket', 'open-a-support-ticket'],
  ['how fast do you respond to urgent tickets', 'ticket-priorities-and-response-times'],
  ['request changes to a design', 'approve-a-deliverable-or-request-changes'],
  ['where do I put our VAT ID', 'add-your-vat-number-to-invoices'],
  ['I was charged twice and want my money back', 'ask-for-a-refund'],
  ['lost phone two factor', 'lost-your-phone-recover-two-factor-access'],
  ['delete all our data GDPR', 'close-your-account-and-delete-your-data'],
  ['stop email notifications', 'choose-which-emails-you-receive'],
  ['rotate api key', 'create-and-rotate-api-keys'],
  ['sign in with Azure AD', 'connect-okta-or-azure-ad'],
  ['late fee for unpaid invoice', 'what-happens-when-an-invoice-is-overdue'],
  ['maximum upload size', 'file-size-limits-and-accepted-formats'],
  ['switch the portal to German', 'change-the-portal-language'],
  ['Rechnung herunterladen', 'rechnung-als-pdf-herunterladen'],
  ['Wie setze ich mein Passwort zurück', 'passwort-zuruecksetzen'],
  ['Kreditkarte ändern', 'zahlungsmethode-aendern'],
  ['set up webhooks', 'set-up-webhooks'],
  ['configure two-factor authentication', 'set-up-two-factor-authentication'],
];

describe('knowledge-base search', () => {
  it(`finds the answering article in the top three for ${RELEVANCE.length} realistic questions`, async () => {
    expect(RELEVANCE).toHaveLength(30);
    const misses: string[] = [];
    for (const [q, slug] of RELEVANCE) {
      const top = slugs(await search(q)).slice(0, 3);
      if (!top.includes(slug)) misses.push(`${q} → ${slug}, got ${top.join(', ') || 'nothing'}`);
    }
    expect(misses).toEqual([]);
  });

  it('treats "How do I download my invoice" as download + invoice: whole-word highlights, no "I", no "inviting" in the top five', async () => {
    const hits = await search('How do I download my invoice');
    expect(hits[0]!.article.slug).toBe('download-an-invoice-as-pdf');
    expect(marked(hits[0]!.title)).toEqual(['download', 'invoice']);
    expect(slugs(hits).slice(0, 5)).not.toContain('understand-inviting-your-team');
    for (const hit of hits) {
      for (const m of [...marked(hit.title), ...marked(hit.snippet)]) expect(m, hit.article.slug).toMatch(/^(download\w*|invoice\w*)$/);
      // Segments are the text as written: joined, they give back the title.
      expect(hit.title.map((s) => s.text).join('')).toBe(hit.article.title);
    }
  });

  it('tolerates typos by trigram similarity (pg_trgm is installed on this database, PGlite included)', async () => {
    const [row] = await h.db.query('SELECT article_search_typos() AS on');
    expect(row!.on).toBe(true);
    const hits = await search('downlod invoce');
    expect(hits[0]!.article.slug).toBe('download-an-invoice-as-pdf');
    expect(marked(hits[0]!.title)).toEqual(['download', 'invoice']);
  });

  it('stems per language: German words match the German article, English plurals the singular', async () => {
    expect(slugs(await search('Rechnungen herunterladen'))[0]).toBe('rechnung-als-pdf-herunterladen');
    const en = await search('invoices download');
    expect(en[0]!.article.slug).toBe('download-an-invoice-as-pdf');
    expect(marked(en[0]!.title)).toContain('invoice');
  });

  it('finds the last word by its prefix while it is typed', async () => {
    // Three letters: too short for a typo correction, so only the prefix can find "Okta".
    expect(slugs(await search('okt'))[0]).toBe('connect-okta-or-azure-ad');
    expect(slugs(await search('sign in with okt'))[0]).toBe('connect-okta-or-azure-ad');
  });

  it('honours websearch operators: a minus excludes, quotes need the phrase', async () => {
    expect(slugs(await search('invoice'))).toContain('download-an-invoice-as-pdf');
    expect(slugs(await search('invoice -pdf'))).not.toContain('download-an-invoice-as-pdf');
    expect(slugs(await search('payment'))).toContain('what-happens-when-an-invoice-is-overdue');
    const phrase = slugs(await search('"payment method"'));
    expect(phrase.slice(0, 3)).toContain('update-your-payment-method');
    expect(phrase).not.toContain('what-happens-when-an-invoice-is-overdue');
  });

  it('weighs a word in the title over the same word in a body', async () => {
    const publish = (slug: string, title: string, body: string) =>
      h.staff('/articles', { body: { slug, title, summary: 'A test article.', body, bodyFormat: 'markdown' } });
    // The body-only article repeats the word, so counting occurrences alone would rank it first.
    expect((await publish('zz-body', 'Something else', 'Axolotl axolotl axolotl care. Axolotl tanks.')).status).toBe(200);
    expect((await publish('zz-title', 'Axolotl basics', 'Feeding and care.')).status).toBe(200);
    expect(slugs(await search('axolotl'))).toEqual(['zz-title', 'zz-body']);
  });

  it('highlights cannot be forged or carry markup: marker characters and HTML in an article stay plain text', async () => {
    const title = 'Quokka \uE000forged\uE001 <img src=x onerror=alert(1)> <b>quokka</b>';
    const r = await h.staff('/articles', {
      body: { slug: 'zz-hostile', title, summary: '\uE001 quokka \uE000', body: '<script>alert(1)</script> quokka', bodyFormat: 'html' },
    });
    expect(r.status).toBe(200);
    const [hit] = await search('quokka');
    expect(hit!.article.slug).toBe('zz-hostile');
    expect(marked(hit!.title)).toEqual(['quokka', 'quokka']);
    expect(hit!.title.map((s) => s.text).join('')).toBe(title.replace(/[\uE000\uE001]/g, ''));
    expect(marked(hit!.snippet)).toEqual(['quokka', 'quokka']);
    expect(JSON.stringify(hit!.snippet)).not.toMatch(/[\uE000\uE001]|<script/);
  });

  it('searches an organization’s private articles only for that organization', async () => {
    const r = await h.staff('/articles', {
      body: {
        org: 'globex',
        slug: 'zz-private',
        title: 'Globex wombat procedures',
        summary: 'Internal.',
        body: 'Wombat.',
        bodyFormat: 'markdown',
      },
    });
    expect(r.status).toBe(200);
    expect(slugs(await search('wombat', gina))).toEqual(['zz-private']);
    expect(await search('wombat', bob)).toEqual([]);
    expect(await search('wombt procedurs', bob)).toEqual([]);
  });

  it('answers an empty list for a question of stop words only, and restricts to a category', async () => {
    expect(await search('how do I')).toEqual([]);
    const billing = await search('change', bob, '&category=billing');
    expect(billing.length).toBeGreaterThan(0);
    for (const x of billing) expect(x.article.slug).not.toBe('change-your-sign-in-email-address');
  });
});

describe('knowledge-base home', () => {
  it('lists categories with their counts, popular (most helpful votes) and recently updated articles', async () => {
    const home = await h.api('/knowledge-base?limit=4', { token: bob });
    expect(home.status, home.text).toBe(200);
    const cats = await h.api('/categories', { token: bob });
    expect(home.body.categories).toEqual(cats.body.data);
    const all = await h.db.query('SELECT count(*)::int AS n FROM articles WHERE org_id IS NULL');
    expect(home.body.article_count).toBe(all[0]!.n);
    expect(home.body.categories.reduce((s: number, c: { article_count: number }) => s + c.article_count, 0)).toBeLessThanOrEqual(all[0]!.n);
    // Helpful votes from acme's three contacts and globex's two (seed-articles.ts); ties: newest first.
    expect(home.body.popular.map((a: { slug: string }) => a.slug)).toEqual([
      'download-an-invoice-as-pdf',
      'reset-a-forgotten-password',
      'update-your-payment-method',
      'open-a-support-ticket',
    ]);
    const recent = home.body.recent as Array<{ updated_at: string }>;
    expect(recent).toHaveLength(4);
    expect([...recent].sort((a, b) => b.updated_at.localeCompare(a.updated_at))).toEqual(recent);
    const newest = await h.db.query('SELECT max(updated_at) AS m FROM articles WHERE org_id IS NULL');
    expect(Date.parse(recent[0]!.updated_at)).toBe(new Date(newest[0]!.m).getTime());
  });

  it('counts an organization’s private article only for that organization', async () => {
    const before = (await h.api('/knowledge-base', { token: bob })).body.article_count;
    await h.staff('/articles', {
      body: { org: 'globex', slug: 'zz-private-home', title: 'Private', summary: 'x', body: 'x', bodyFormat: 'markdown' },
    });
    expect((await h.api('/knowledge-base', { token: bob })).body.article_count).toBe(before);
    const g = (await h.api('/knowledge-base', { token: gina })).body;
    expect(g.recent[0].slug).toBe('zz-private-home');
  });
});
