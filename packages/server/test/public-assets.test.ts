// The seeded help articles' screenshots: served by the server itself (no broken external images),
// public and cacheable, and their addresses stay out of the search index. Real HTTP, PGlite and
// (with DATABASE_URL) PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/seed.js';
import { type Harness, harness } from './helpers.js';

let h: Harness;
let bob: string;

beforeAll(async () => {
  h = await harness();
  await seed(h.db, { filesDir: h.filesDir });
  bob = await h.token('acme', 'bob', ['member']);
}, 120_000);
afterAll(() => h?.close());

/** The image addresses of a seeded article body (Markdown or HTML). */
const images = (body: string) => [...body.matchAll(/!\[[^\]]*\]\(([^)]+)\)|<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);

describe('help article images', () => {
  it('every image of every seeded article is served by the server: 200, an SVG, public, cacheable, inert, no token needed', async () => {
    const rows = await h.db.query<{ slug: string; body: string }>('SELECT slug, body FROM articles');
    const urls = new Set(rows.flatMap((r) => images(r.body)));
    expect(urls.size).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url).toMatch(/^\/portal\/v1\/assets\/kb\/[a-z0-9-]+\.svg$/);
      const res = await fetch(new URL(url, h.url));
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const svg = await res.text();
      expect(svg).toMatch(/^<svg [^>]*width="640" height="320"/);
      expect(svg).not.toMatch(/<script|on\w+=/i);
    }
  });

  it('an article read through the API carries its images at the server’s address (from another origin they load too)', async () => {
    const [row] = await h.db.query<{ slug: string }>(
      "SELECT slug FROM articles WHERE body LIKE '%/portal/v1/assets/kb/%' ORDER BY slug LIMIT 1",
    );
    const r = await h.api(`/articles/${row!.slug}`, { token: bob });
    expect(r.status, r.text).toBe(200);
    const urls = images(r.body.body);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url.startsWith(`${new URL(h.url).origin}/portal/v1/assets/kb/`), url).toBe(true);
      expect((await fetch(url)).status).toBe(200);
    }
  });

  it('an unknown or malformed asset name answers a 404 problem', async () => {
    for (const name of ['x.png', '..%2Fsecret.svg', `${'a'.repeat(61)}.svg`, 'A.svg']) {
      const res = await fetch(new URL(`/portal/v1/assets/kb/${name}`, h.url));
      expect(res.status, name).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('image addresses are not indexed: no lexeme of the search documents or the typo word list holds a path, "svg" or "assets"', async () => {
    const polluted = (l: string) => /\/|svg|assets/.test(l);
    const lexemes = await h.db.query<{ l: string }>('SELECT DISTINCT unnest(tsvector_to_array(search)) AS l FROM articles');
    expect(lexemes.length).toBeGreaterThan(100);
    expect(lexemes.map((r) => r.l).filter(polluted)).toEqual([]);
    const words = await h.db.query<{ word: string }>('SELECT word FROM article_words');
    expect(words.length).toBeGreaterThan(100);
    expect(words.map((r) => r.word).filter(polluted)).toEqual([]);
    const r = await h.api('/articles/search?q=assets%20svg&limit=10', { token: bob });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data).toEqual([]);
  });
});
