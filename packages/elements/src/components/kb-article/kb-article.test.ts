import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { article } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockApi, malformedJson, problem } from '../../testing/mock-api.js';
import '../provider/provider.js';
import type { PorticoKbArticle } from './kb-article.component.js';
import './kb-article.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
const $ = (el: PorticoKbArticle, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: PorticoKbArticle, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const body = (el: PorticoKbArticle) => $(el, '[part~="body"]')!;
const yes = (el: PorticoKbArticle) => $(el, '[part~="vote-yes"]') as HTMLButtonElement;
const no = (el: PorticoKbArticle) => $(el, '[part~="vote-no"]') as HTMLButtonElement;
const calls = (api: MockApi, key: string) => api.calls.filter((c) => c.key === key);
const settled = async (el: PorticoKbArticle, part = 'article') => {
  await el.updateComplete;
  await waitUntil(() => $(el, `[part~="${part}"]`) && !$(el, '[aria-busy="true"]'), `no ${part}`, { timeout: 4000 });
  await el.updateComplete;
};
const SLUG = 'exporting-reports-1';
const loadedUrls = () => performance.getEntriesByType('resource').map((e) => e.name);

async function mount(template?: (client: unknown) => ReturnType<typeof html>, options: Parameters<typeof createMockClient>[0] = {}) {
  const mock = createMockClient(options);
  const el = await fixture<PorticoKbArticle>(
    template ? template(mock.client) : html`<portico-kb-article .client=${mock.client} slug=${SLUG}></portico-kb-article>`,
  );
  return { ...mock, el };
}

/** Mounts with `articles.get` answering this article. */
async function mountArticle(overrides: Parameters<typeof article>[1], template?: (client: unknown) => ReturnType<typeof html>) {
  const mock = createMockClient();
  mock.api.use('articles.get', json(article(1, overrides)));
  const el = await fixture<PorticoKbArticle>(
    template ? template(mock.client) : html`<portico-kb-article .client=${mock.client} slug=${SLUG}></portico-kb-article>`,
  );
  await settled(el);
  return { ...mock, el };
}

const HOSTILE = [
  '<p id="first">Hello</p>',
  '<img src=x onerror="window.__xss=1">',
  '<a id="js" href="javascript:window.__xss=2">js</a>',
  '<a id="tab" href=" jav&#x09;ascript:window.__xss=3">tab</a>',
  '<a id="data" href="data:text/html,<script>window.__xss=4</script>">data</a>',
  '<a id="ok" href="https://example.com/ok" target="_self">ok</a>',
  '<a id="relative" href="/help/other">relative</a>',
  '<script>window.__xss=5</script>',
  '<iframe srcdoc="<script>parent.__xss=6</script>"></iframe>',
  '<svg><script>window.__xss=7</script><circle onload="window.__xss=8"/></svg>',
  '<div onclick="window.__xss=9" style="position:fixed;inset:0">overlay</div>',
  '<form action="javascript:window.__xss=10"><button formaction="javascript:1">b</button></form>',
  '<object data="javascript:window.__xss=11"></object><embed src="javascript:1">',
  '<style>:host{display:none}</style><link rel="stylesheet" href="https://evil.test/x.css">',
  '<details open ontoggle="window.__xss=12"><summary>s</summary></details>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=13">',
].join('');

function expectInert(el: PorticoKbArticle) {
  const all = [el.shadowRoot!, ...$$(el, '*')].flatMap((n) => (n instanceof Element ? [n] : []));
  const onAttrs = all.flatMap((n) => [...n.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${n.tagName}.${a.name}`));
  expect(onAttrs).to.deep.equal([]);
  expect($$(el, 'script, iframe, object, embed, form, svg, math, link, [part~="body"] style').length).to.equal(0);
  const hrefs = $$(el, '[href], [src], [action], [formaction]').map((n) => n.getAttribute('href') ?? n.getAttribute('src') ?? '');
  // Browsers ignore whitespace and control characters inside a scheme, so the check does too.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const scheme = (h: string) => h.replace(/[\s\u0000-\u001f]/g, '');
  expect(hrefs.filter((h) => /^(javascript|data|vbscript):/i.test(scheme(h))).length).to.equal(0);
  expect($$(el, '[style]').filter((n) => body(el).contains(n)).length).to.equal(0);
}

describe('<portico-kb-article>', () => {
  describe('lazy sanitizer', () => {
    // First in the file: nothing before it may have shown an article in this page.
    it('loads DOMPurify and marked only when an article is shown', async () => {
      const mock = createMockClient();
      const el = await fixture<PorticoKbArticle>(html`<portico-kb-article .client=${mock.client}></portico-kb-article>`);
      await aTimeout(50);
      expect(loadedUrls().some((u) => /dompurify|marked/i.test(u))).to.equal(false);
      el.slug = SLUG;
      await settled(el);
      expect(loadedUrls().some((u) => /dompurify/i.test(u))).to.equal(true);
      expect(loadedUrls().some((u) => /marked/i.test(u))).to.equal(true);
    });
  });

  describe('defaults', () => {
    it('shows nothing and requests nothing without a slug', async () => {
      const { el, api } = await mount((c) => html`<portico-kb-article .client=${c}></portico-kb-article>`);
      await aTimeout(50);
      expect(el.slug).to.equal('');
      expect(el.headingLevel).to.equal(2);
      expect(el.hideFeedback).to.equal(false);
      expect(el.shadowRoot!.firstElementChild!.getAttribute('part')).to.equal('base');
      expect($(el, '[part~="base"]')!.children.length).to.equal(0);
      expect(calls(api, 'articles.get').length).to.equal(0);
    });

    it('renders a Markdown article: title, category, date, body, feedback', async () => {
      const { el, api } = await mount();
      await settled(el);
      expect(calls(api, 'articles.get')[0]!.url.pathname).to.match(/\/articles\/exporting-reports-1$/);
      const title = $(el, '[part~="title"]')!;
      expect(title.getAttribute('role')).to.equal('heading');
      expect(title.getAttribute('aria-level')).to.equal('2');
      expect(title.textContent).to.equal('Exporting reports (1)');
      expect($(el, '[part~="article"]')!.getAttribute('aria-labelledby')).to.equal(title.id);
      expect($(el, '[part~="category"]')!.textContent).to.equal('Category: Reports');
      const updated = $(el, '[part~="updated"]')!;
      const expected = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(el.article!.updatedAt));
      expect(updated.textContent).to.equal(`Updated ${expected}`);
      expect(updated.getAttribute('datetime')).to.equal(el.article!.updatedAt);
      // Markdown → HTML; the body's # heading sits below the title's level.
      expect(body(el).querySelector('h3')!.textContent).to.equal('Exporting reports');
      expect(body(el).querySelectorAll('h1, h2').length).to.equal(0);
      expect(body(el).querySelector('strong')!.textContent).to.equal('Export');
      expect([...body(el).querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['CSV', 'PDF']);
      expect($(el, '[part~="question"]')!.textContent).to.equal('Was this helpful?');
      expect(yes(el).textContent!.trim()).to.equal('Yes');
      expect(no(el).textContent!.trim()).to.equal('No');
      expect($(el, '[part~="counts"]')!.textContent).to.equal('12 people found this helpful.');
    });

    it('renders an HTML article: headings, lists, code, images, safe links', async () => {
      const { el } = await mountArticle({
        bodyFormat: 'html',
        body:
          '<h2>Setup</h2><ol><li>Install</li><li>Run</li></ol><pre><code>npm i @portico/elements</code></pre>' +
          '<p>See <a href="https://example.com/docs">the docs</a> or <a href="/help/faq">the FAQ</a>.</p><img src="/shot.png" alt="Screenshot">' +
          '<table><tr><th>Format</th><td>CSV</td></tr></table>',
      });
      const b = body(el);
      expect(b.querySelector('h3')!.textContent).to.equal('Setup');
      expect(b.querySelectorAll('ol > li').length).to.equal(2);
      expect(b.querySelector('pre > code')!.textContent).to.equal('npm i @portico/elements');
      const img = b.querySelector('img')!;
      expect(img.getAttribute('alt')).to.equal('Screenshot');
      expect(img.getAttribute('loading')).to.equal('lazy');
      const links = [...b.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/docs', '/help/faq']);
      expect(links.every((a) => a.getAttribute('rel') === 'noopener noreferrer')).to.equal(true);
      expect(b.querySelector('table')!.tabIndex).to.equal(0);
      await expect(el).to.be.accessible(AXE);
    });
  });

  describe('attributes and properties', () => {
    it('heading-level sets the title level and shifts body headings', async () => {
      const { el } = await mount((c) => html`<portico-kb-article .client=${c} slug=${SLUG} heading-level="3"></portico-kb-article>`);
      await settled(el);
      expect($(el, '[part~="title"]')!.getAttribute('aria-level')).to.equal('3');
      expect(body(el).querySelector('h4')!.textContent).to.equal('Exporting reports');
    });

    it('hide-feedback hides the vote', async () => {
      const { el } = await mount((c) => html`<portico-kb-article .client=${c} slug=${SLUG} hide-feedback></portico-kb-article>`);
      await settled(el);
      expect(!!$(el, '[part~="feedback"]')).to.equal(false);
    });

    it('an article whose provider takes no votes (capabilities.votes false, e.g. Zendesk) shows no vote; true keeps it', async () => {
      const { el } = await mountArticle({ capabilities: { votes: false } });
      expect(!!$(el, '[part~="feedback"]')).to.equal(false);
      expect(!!$(el, '[part~="vote"]')).to.equal(false);
      await expect(el).to.be.accessible(AXE);
      const { el: voting } = await mountArticle({ capabilities: { votes: true } });
      expect(!!yes(voting)).to.equal(true);
    });

    it('a new slug loads that article and resets the vote', async () => {
      const { el } = await mount();
      await settled(el);
      yes(el).click();
      await waitUntil(() => $(el, '[part~="vote-status"]')!.textContent!.includes('Thanks'), 'no thanks', { timeout: 3000 });
      el.slug = 'exporting-reports-2';
      await waitUntil(() => $(el, '[part~="title"]')?.textContent === 'Exporting reports (2)', 'no second article', { timeout: 3000 });
      await el.updateComplete;
      expect(el.getAttribute('slug')).to.equal('exporting-reports-2');
      expect(!!yes(el)).to.equal(true);
    });
  });

  describe('slots', () => {
    it('not-found, error and footer slots', async () => {
      const { el, api } = await mount(
        (c) => html`<portico-kb-article .client=${c} slug="missing">
          <p slot="not-found">Gone fishing</p>
          <p slot="error">Help is offline</p>
          <a slot="footer" href="/contact">Contact us</a>
        </portico-kb-article>`,
      );
      await settled(el, 'not-found');
      expect(($(el, 'slot[name="not-found"]') as HTMLSlotElement).assignedElements()[0]!.textContent).to.equal('Gone fishing');
      api.use('articles.get', problem(500, 'internal'));
      el.slug = SLUG;
      await settled(el, 'error');
      expect(($(el, 'slot[name="error"]') as HTMLSlotElement).assignedElements()[0]!.textContent).to.equal('Help is offline');
      api.reset();
      ($(el, '[part~="retry"]') as HTMLButtonElement).click();
      await settled(el);
      expect(($(el, 'slot[name="footer"]') as HTMLSlotElement).assignedElements()[0]!.textContent).to.equal('Contact us');
    });
  });

  describe('events and voting', () => {
    it('vote: disabled and busy while sending, then thanks, new counts and portico-article-vote', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('articles.vote', { ...json({ helpfulCount: 13, notHelpfulCount: 1 }), delayMs: 200 });
      const request = oneEvent(el, 'portico-article-vote-request');
      yes(el).focus();
      yes(el).click();
      const req = await request;
      expect(req.cancelable && req.bubbles && req.composed).to.equal(true);
      expect(req.detail).to.deep.equal({ slug: SLUG, helpful: true });
      await el.updateComplete;
      expect(yes(el).disabled && no(el).disabled).to.equal(true);
      expect(yes(el).getAttribute('aria-busy')).to.equal('true');
      expect(no(el).getAttribute('aria-busy')).to.equal('false');
      expect($(el, '.votes')!.getAttribute('aria-busy')).to.equal('true');
      expect($(el, '[part~="vote-status"]')!.textContent!.trim()).to.equal('Sending your feedback…');
      await expect(el).to.be.accessible(AXE);
      const done = await oneEvent(el, 'portico-article-vote');
      expect(done.detail).to.deep.equal({ slug: SLUG, helpful: true, helpfulCount: 13, notHelpfulCount: 1 });
      await el.updateComplete;
      const status = $(el, '[part~="vote-status"]')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent!.trim()).to.equal('Thanks for your feedback!');
      expect(!!yes(el)).to.equal(false);
      expect($(el, '[part~="counts"]')!.textContent).to.equal('13 people found this helpful.');
      // Focus was on the button, which is gone: it moves to the thanks message.
      expect(el.shadowRoot!.activeElement === status).to.equal(true);
      const call = calls(api, 'articles.vote')[0]!;
      expect(call.url.pathname).to.match(/\/articles\/exporting-reports-1\/votes$/);
      expect(call.headers.get('idempotency-key')).to.match(/^[0-9a-f-]{36}$/);
      await expect(el).to.be.accessible(AXE);
    });

    it('a canceled vote request sends nothing', async () => {
      const { el, api } = await mount();
      await settled(el);
      el.addEventListener('portico-article-vote-request', (e) => e.preventDefault(), { once: true });
      no(el).click();
      await aTimeout(50);
      expect(calls(api, 'articles.vote').length).to.equal(0);
      expect(no(el).disabled).to.equal(false);
    });

    it('a failed vote says so and can be sent again', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('articles.vote', problem(503, 'unavailable'));
      no(el).focus();
      no(el).click();
      await waitUntil(() => $(el, '[part~="vote-error"]'), 'no vote error', { timeout: 3000 });
      expect($(el, '[part~="vote-error"]')!.getAttribute('role')).to.equal('alert');
      expect($(el, '[part~="vote-error"]')!.textContent).to.equal('Your feedback couldn’t be sent. Try again.');
      expect(no(el).disabled).to.equal(false);
      expect(el.shadowRoot!.activeElement === no(el)).to.equal(true);
      await expect(el).to.be.accessible(AXE);
      api.reset();
      setTimeout(() => no(el).click());
      const done = await oneEvent(el, 'portico-article-vote');
      expect(done.detail.helpful).to.equal(false);
    });

    it('the same vote sent again after a failure keeps its idempotency key; the other answer gets a new one', async () => {
      const { el, api } = await mount();
      await settled(el);
      const keys: Array<string | null> = [];
      api.use('articles.vote', ({ headers }) => {
        keys.push(headers.get('idempotency-key'));
        return keys.length < 3 ? problem(503, 'unavailable') : json({ helpfulCount: 13, notHelpfulCount: 1 });
      });
      for (const answer of [yes, yes, no]) {
        const before = keys.length;
        answer(el).click();
        await waitUntil(() => keys.length === before + 1 && el.shadowRoot!.querySelector('[aria-busy="true"]') === null, 'not sent', {
          timeout: 3000,
        });
      }
      expect(keys[1]).to.equal(keys[0]);
      expect(keys[2]).to.not.equal(keys[0]);
    });

    it('fires portico-article-load (bubbling, composed) once the article is on screen, and again after a refresh', async () => {
      const mock = createMockClient();
      const loads: Array<[string, string, boolean, boolean, boolean]> = [];
      const onLoad = (e: CustomEvent<{ slug: string; article: { title: string } }>) => {
        const body = (e.target as PorticoKbArticle).shadowRoot!.querySelector('[part~="body"]');
        loads.push([e.detail.slug, e.detail.article.title, !!body, e.bubbles, e.composed]);
      };
      const el = await fixture<PorticoKbArticle>(
        html`<portico-kb-article .client=${mock.client} slug=${SLUG} @portico-article-load=${onLoad}></portico-kb-article>`,
      );
      await settled(el);
      await waitUntil(() => loads.length === 1, 'no portico-article-load');
      expect(loads[0]).to.deep.equal([SLUG, 'Exporting reports (1)', true, true, true]);
      await el.refresh();
      await el.updateComplete;
      await waitUntil(() => loads.length === 2, 'no second portico-article-load after refresh');
      await aTimeout(20);
      expect(loads.length).to.equal(2);
    });

    it('fires portico-error with not_found for an unknown slug', async () => {
      const mock = createMockClient();
      const el = document.createElement('portico-kb-article');
      el.client = mock.client;
      el.slug = 'nope';
      setTimeout(() => document.body.append(el));
      const event = await oneEvent(el, 'portico-error');
      expect(event.detail.code).to.equal('not_found');
      el.remove();
    });
  });

  describe('states', () => {
    it('loading: a skeleton and a status message, accessible', async () => {
      const { el } = await mount(undefined, { delayMs: 400 });
      await el.updateComplete;
      const loading = $(el, '[part~="loading"]')!;
      expect(loading.getAttribute('role')).to.equal('status');
      expect(loading.textContent).to.contain('Loading…');
      expect(loading.querySelector('.skeleton')!.getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible(AXE);
      await settled(el);
    });

    it('not found (404): its own message, no Retry, accessible', async () => {
      const { el } = await mount((c) => html`<portico-kb-article .client=${c} slug="no-such-article"></portico-kb-article>`);
      await settled(el, 'not-found');
      expect($(el, '[part~="not-found"]')!.textContent).to.contain('This article doesn’t exist or is no longer available.');
      expect(!!$(el, '[part~="retry"]')).to.equal(false);
      await expect(el).to.be.accessible(AXE);
    });

    it('error: an alert by code, Retry works, accessible', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('articles.get', () => {
        throw new TypeError('Failed to fetch');
      });
      await el.refresh();
      await settled(el, 'error');
      expect($(el, '[role="alert"]')!.textContent).to.contain('Can’t reach the server.');
      await expect(el).to.be.accessible(AXE);
      api.reset();
      ($(el, '[part~="retry"]') as HTMLButtonElement).click();
      await settled(el);
      expect($(el, '[part~="title"]')!.textContent).to.equal('Exporting reports (1)');
    });

    for (const [name, response] of [
      ['a body that is not JSON', malformedJson()],
      ['an unknown bodyFormat', json({ ...article(1), bodyFormat: 'rtf' })],
      ['a missing body', { status: 200, body: { id: 'art_1', slug: SLUG, title: 'x' } }],
    ] as const) {
      it(`malformed data (${name}): an error state, accessible`, async () => {
        const mock = createMockClient();
        mock.api.use('articles.get', response);
        const el = await fixture<PorticoKbArticle>(html`<portico-kb-article .client=${mock.client} slug=${SLUG}></portico-kb-article>`);
        await settled(el, 'error');
        expect($(el, '[role="alert"]')!.textContent).to.contain('The server sent data that couldn’t be read.');
        expect(!!$(el, '[part~="body"]')).to.equal(false);
        await expect(el).to.be.accessible(AXE);
      });
    }

    it('refreshing: keeps the article, marked busy, accessible', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.delay(300);
      const done = el.refresh();
      await el.updateComplete;
      expect($(el, '[part~="content"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(!!$(el, '[part~="body"]')).to.equal(true);
      await expect(el).to.be.accessible(AXE);
      await done;
      await el.updateComplete;
      expect($(el, '[part~="content"]')!.getAttribute('aria-busy')).to.equal('false');
    });

    it('slow network: a newer slug aborts the older request, whose late answer is dropped', async () => {
      const { el, api } = await mount((c) => html`<portico-kb-article .client=${c}></portico-kb-article>`);
      const aborted: string[] = [];
      api.use('articles.get', ({ params, signal }) => {
        signal?.addEventListener('abort', () => aborted.push(params.slug!));
        const n = Number(params.slug!.split('-').at(-1));
        return { ...json(article(n)), delayMs: n === 1 ? 400 : 50 };
      });
      el.slug = 'exporting-reports-1';
      await aTimeout(20);
      el.slug = 'exporting-reports-2';
      await settled(el);
      await aTimeout(450);
      expect($(el, '[part~="title"]')!.textContent).to.equal('Exporting reports (2)');
      expect(aborted).to.deep.equal(['exporting-reports-1']);
    });

    it('without a client: says it is not connected', async () => {
      const el = await fixture<PorticoKbArticle>(html`<portico-kb-article slug=${SLUG}></portico-kb-article>`);
      await waitUntil(() => $(el, '[role="alert"]'), 'no error', { timeout: 3000 });
      expect($(el, '[role="alert"]')!.textContent).to.contain('Not connected to the portal.');
    });
  });

  describe('sanitization', () => {
    for (const bodyFormat of ['html', 'markdown'] as const) {
      it(`a hostile ${bodyFormat} body renders inert`, async () => {
        delete (window as { __xss?: unknown }).__xss;
        const { el } = await mountArticle({
          bodyFormat,
          body: bodyFormat === 'markdown' ? `# Title\n\n${HOSTILE}\n\n[md js](javascript:window.__xss=20)` : HOSTILE,
        });
        await aTimeout(100);
        expectInert(el);
        expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
        expect(body(el).querySelector('#first')?.textContent).to.equal('Hello');
        const ok = body(el).querySelector('#ok')!;
        expect(ok.getAttribute('href')).to.equal('https://example.com/ok');
        expect(ok.getAttribute('rel')).to.equal('noopener noreferrer');
        expect(ok.hasAttribute('target')).to.equal(false);
        expect(body(el).querySelector('#relative')!.getAttribute('href')).to.equal('/help/other');
        // The host page's styles were not reached: the component is still visible.
        expect(getComputedStyle(el).display).to.equal('block');
      });
    }

    it('the title and category are text, never markup', async () => {
      const { el } = await mountArticle({
        title: '<img src=x onerror="window.__xss=30">Title',
        category: { id: 'cat_1', slug: 'x', name: '<b>Cat</b>' },
      });
      expect($(el, '[part~="title"]')!.textContent).to.equal('<img src=x onerror="window.__xss=30">Title');
      expect($(el, '[part~="category"] b')).to.equal(null);
      expect($$(el, '[part~="header"] img').length).to.equal(0);
    });
  });

  describe('keyboard', () => {
    it('Tab reaches body links, then Yes and No; Enter and Space vote', async () => {
      const { el, api } = await mountArticle({ bodyFormat: 'html', body: '<p><a href="/a">A link</a></p>' });
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      const active = () => el.shadowRoot!.activeElement;
      await sendKeys({ press: 'Tab' });
      expect(active()?.textContent).to.equal('A link');
      await sendKeys({ press: 'Tab' });
      expect(active() === yes(el)).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(active() === no(el)).to.equal(true);
      setTimeout(() => sendKeys({ press: 'Space' }));
      expect((await oneEvent(el, 'portico-article-vote')).detail.helpful).to.equal(false);
      before.remove();
      // Enter on Yes (fresh article).
      el.slug = 'exporting-reports-2';
      api.reset();
      await waitUntil(() => $(el, '[part~="title"]')?.textContent === 'Exporting reports (2)', 'no article', { timeout: 3000 });
      await el.updateComplete;
      yes(el).focus();
      setTimeout(() => sendKeys({ press: 'Enter' }));
      expect((await oneEvent(el, 'portico-article-vote')).detail.helpful).to.equal(true);
    });
  });

  describe('right-to-left', () => {
    it('renders Arabic right-to-left with an Arabic date; the body in its own direction', async () => {
      await loadLocale('ar');
      const mock = createMockClient();
      mock.api.use('articles.get', json(article(1, { body: '# تصدير التقارير\n\nافتح تقريرًا واختر **تصدير**.\n\n- CSV\n- PDF\n' })));
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="ar" dir="rtl"><portico-kb-article .client=${mock.client} slug=${SLUG}></portico-kb-article></div>`,
      );
      const el = wrapper.querySelector('portico-kb-article')!;
      await settled(el);
      const base = $(el, '[part~="base"]')!;
      expect(base.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(body(el)).direction).to.equal('rtl');
      expect($(el, '[part~="question"]')!.textContent).to.equal('هل كان هذا مفيدًا؟');
      const date = new Intl.DateTimeFormat('ar', { dateStyle: 'medium' }).format(new Date(el.article!.updatedAt));
      expect($(el, '[part~="updated"]')!.textContent).to.equal(`آخر تحديث ${date}`);
      // List bullets sit on the right: the list is indented from the right edge.
      expect(getComputedStyle(body(el).querySelector('ul')!).paddingRight).to.not.equal('0px');
      await expect(el).to.be.accessible(AXE);
      // An English article on the Arabic page keeps its own direction (issue 17: user text isolated).
      mock.api.use('articles.get', json(article(1)));
      await el.refresh();
      await settled(el);
      expect(body(el).dir).to.equal('auto');
      expect(getComputedStyle(body(el)).direction).to.equal('ltr');
      expect(base.getAttribute('dir')).to.equal('rtl');
    });

    it('German from a provider', async () => {
      await loadLocale('de');
      const mock = createMockClient();
      const provider = await fixture(
        html`<portico-provider lang="de" .client=${mock.client}><portico-kb-article slug=${SLUG}></portico-kb-article></portico-provider>`,
      );
      const el = provider.querySelector('portico-kb-article')!;
      await settled(el);
      expect($(el, '[part~="question"]')!.textContent).to.equal('War das hilfreich?');
      expect($(el, '[part~="counts"]')!.textContent).to.equal('12 Personen fanden das hilfreich.');
    });
  });

  describe('dark theme', () => {
    it('uses different colours with theme="dark" and stays accessible', async () => {
      const mock = createMockClient();
      mock.api.use(
        'articles.get',
        json(article(1, { body: '# Code\n\nRun `npm test`, see [docs](https://example.com).\n\n```\nnpm i\n```\n\n> Note' })),
      );
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <portico-kb-article theme="light" .client=${mock.client} slug=${SLUG}></portico-kb-article>
        <portico-kb-article theme="dark" style="background: #0d1117" .client=${mock.client} slug=${SLUG}></portico-kb-article>
      </div>`);
      const [light, dark] = [...wrapper.querySelectorAll('portico-kb-article')] as PorticoKbArticle[];
      await settled(light!);
      await settled(dark!);
      const colors = (el: PorticoKbArticle) => {
        const s = getComputedStyle(body(el));
        const link = getComputedStyle(body(el).querySelector('a')!);
        return [s.color, '', link.color];
      };
      const [l, d] = [colors(light!), colors(dark!)];
      expect(d[0]).to.not.equal(l[0]);
      expect(d[2]).to.not.equal(l[2]);
      await expect(dark).to.be.accessible(AXE);
    });
  });

  describe('narrow (320 px)', () => {
    it('has no horizontal overflow with long words, code, tables and images', async () => {
      const mock = createMockClient();
      const long = 'Supercalifragilisticexpialidocious'.repeat(4);
      mock.api.use(
        'articles.get',
        json(
          article(1, {
            title: long,
            bodyFormat: 'html',
            body:
              `<p>${long}</p><pre><code>${'x'.repeat(200)}</code></pre>` +
              `<table><tr>${'<td>cell content</td>'.repeat(8)}</tr></table>` +
              '<img alt="wide" width="1200" height="10" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
          }),
        ),
      );
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px"><portico-kb-article .client=${mock.client} slug=${SLUG}></portico-kb-article></div>`,
      );
      const el = wrapper.querySelector('portico-kb-article')!;
      await settled(el);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(body(el).scrollWidth).to.be.at.most(body(el).clientWidth);
      expect(body(el).querySelector('img')!.getBoundingClientRect().width).to.be.at.most(320);
      await expect(el).to.be.accessible(AXE);
    });
  });
});
