import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { articleSummary, knowledgeBaseHome } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockApi, malformedJson, problem } from '../../testing/mock-api.js';
import '../provider/provider.js';
import type { PorticoKbHome } from './kb-home.component.js';
import './kb-home.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
const $ = (el: PorticoKbHome, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: PorticoKbHome, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const texts = (el: PorticoKbHome, sel: string) => $$(el, sel).map((n) => n.textContent!.trim());
const calls = (api: MockApi, key: string) => api.calls.filter((c) => c.key === key);
const settled = async (el: PorticoKbHome, part = 'content') => {
  await el.updateComplete;
  await waitUntil(() => $(el, `[part~="${part}"]`) && !$(el, '[aria-busy="true"]'), `no ${part}`, { timeout: 4000 });
  await el.updateComplete;
};
const active = (el: PorticoKbHome) => el.shadowRoot!.activeElement as HTMLElement | null;

async function mount(attrs = '', options: Parameters<typeof createMockClient>[0] = {}) {
  const mock = createMockClient(options);
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = `<portico-kb-home ${attrs}></portico-kb-home>`;
  const el = wrapper.querySelector('portico-kb-home')!;
  el.client = mock.client;
  return { ...mock, el };
}

describe('<portico-kb-home>', () => {
  describe('defaults', () => {
    it('shows topics with counts, popular and recently updated articles without any input', async () => {
      const { el, api } = await mount();
      await settled(el);
      expect(el.shadowRoot!.firstElementChild!.getAttribute('part')).to.equal('base');
      expect(calls(api, 'knowledgeBase.home')[0]!.url.searchParams.get('limit')).to.equal('5');
      const headings = $$(el, '[part~="heading"]');
      expect(headings.map((h) => h.textContent)).to.deep.equal(['Browse by topic', 'Popular articles', 'Recently updated']);
      expect(headings.every((h) => h.getAttribute('role') === 'heading' && h.getAttribute('aria-level') === '2')).to.equal(true);
      expect(texts(el, '[part~="category-name"]')).to.deep.equal(['Reports', 'Billing & invoices', 'Account & security', 'Integrations']);
      expect(texts(el, '[part~="category-count"]')).to.deep.equal(['12 articles', '7 articles', '5 articles', '1 article']);
      const popular = $(el, '[part~="popular"]')!;
      expect(popular.querySelector('ol')).to.not.equal(null);
      expect([...popular.querySelectorAll('[part~="article-title"]')].map((n) => n.textContent)).to.deep.equal([
        'Exporting reports (1)',
        'Exporting reports (2)',
        'Exporting reports (3)',
      ]);
      const recent = $(el, '[part~="recent"]')!;
      const times = [...recent.querySelectorAll('time')];
      expect(times).to.have.length(4);
      expect(times[0]!.getAttribute('datetime')).to.equal(el.overview!.recent[0]!.updatedAt);
      expect(times[0]!.textContent).to.match(/^Updated .*ago$/);
      // Without URLs, articles and topics are buttons.
      expect($$(el, '[part~="article"], [part~="category"]').every((n) => n.tagName === 'BUTTON')).to.equal(true);
      await expect(el).to.be.accessible(AXE);
    });

    it('hides the popular section when no article has votes yet', async () => {
      const { el, api } = await mount();
      api.use('knowledgeBase.home', json(knowledgeBaseHome({ popular: [] })));
      await settled(el);
      expect($(el, '[part~="popular"]')).to.equal(null);
      expect($(el, '[part~="recent"]')).to.not.equal(null);
    });
  });

  describe('attributes', () => {
    it('limit, heading-level, article-href and category-href', async () => {
      const { el, api } = await mount('limit="3" heading-level="3" article-href="/help/{slug}" category-href="/help?topic={slug}"');
      await settled(el);
      expect(calls(api, 'knowledgeBase.home')[0]!.url.searchParams.get('limit')).to.equal('3');
      expect($(el, '[part~="heading"]')!.getAttribute('aria-level')).to.equal('3');
      const first = $(el, '[part~="article"]') as HTMLAnchorElement;
      expect(first.tagName).to.equal('A');
      expect(first.getAttribute('href')).to.equal('/help/exporting-reports-1');
      expect(($(el, '[part~="category"]') as HTMLAnchorElement).getAttribute('href')).to.equal('/help?topic=reports');
      const billing = $$(el, '[part~="category"]')[1] as HTMLAnchorElement;
      expect(billing.getAttribute('href')).to.equal('/help?topic=billing');
    });

    it('a slug is URL-encoded into the href', async () => {
      const { el, api } = await mount('article-href="/help/{slug}"');
      api.use('knowledgeBase.home', json(knowledgeBaseHome({ recent: [articleSummary(9, { slug: 'a b/c?d' })] })));
      await settled(el);
      expect($(el, '[part~="recent"] a')!.getAttribute('href')).to.equal('/help/a%20b%2Fc%3Fd');
    });
  });

  describe('events', () => {
    it('choosing an article fires portico-article-open (bubbling, composed, cancelable); canceled, a link does not navigate', async () => {
      const { el } = await mount('article-href="#kb-nav-{slug}"');
      await settled(el);
      const link = $(el, '[part~="popular"] a') as HTMLAnchorElement;
      const canceler = (e: Event) => e.preventDefault();
      document.addEventListener('portico-article-open', canceler);
      setTimeout(() => link.click());
      const ev = await oneEvent(document, 'portico-article-open');
      document.removeEventListener('portico-article-open', canceler);
      expect(ev.detail.slug).to.equal('exporting-reports-1');
      expect(ev.detail.article.title).to.equal('Exporting reports (1)');
      expect(ev.bubbles && ev.composed && ev.cancelable).to.equal(true);
      expect(location.hash).to.not.equal('#kb-nav-exporting-reports-1');
      // Not canceled: the link's own navigation happens.
      link.click();
      expect(location.hash).to.equal('#kb-nav-exporting-reports-1');
      history.replaceState(null, '', location.pathname + location.search);
    });

    it('choosing a topic shows its articles in place; "All topics" goes back; both fire portico-category-select', async () => {
      const { el, api } = await mount();
      await settled(el);
      setTimeout(() => ($$(el, '[part~="category"]')[1] as HTMLButtonElement).click());
      const ev = await oneEvent(el, 'portico-category-select');
      expect(ev.detail).to.deep.include({ slug: 'billing' });
      expect(ev.detail.category.name).to.equal('Billing & invoices');
      expect(el.category).to.equal('billing');
      await el.updateComplete;
      expect(el.getAttribute('category')).to.equal('billing');
      await settled(el);
      expect(calls(api, 'articles.list')[0]!.url.searchParams.get('category')).to.equal('billing');
      expect($(el, '[part~="category-articles"] [part~="heading"]')!.textContent).to.equal('Billing & invoices');
      expect($$(el, '[part~="category-articles"] [part~="article"]').length).to.equal(12);
      await expect(el).to.be.accessible(AXE);
      setTimeout(() => ($(el, '[part~="back"]') as HTMLButtonElement).click());
      const back = await oneEvent(el, 'portico-category-select');
      expect(back.detail).to.deep.equal({ slug: '', category: null });
      await settled(el);
      expect(el.category).to.equal('');
      expect($(el, '[part~="categories"]')).to.not.equal(null);
    });

    it('a canceled portico-category-select keeps the view', async () => {
      const { el } = await mount();
      await settled(el);
      el.addEventListener('portico-category-select', (e) => e.preventDefault(), { once: true });
      ($(el, '[part~="category"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(el.category).to.equal('');
      expect($(el, '[part~="categories"]')).to.not.equal(null);
    });

    it('a topic view pages with "Show more"', async () => {
      const { el, api } = await mount('category="reports"');
      api.use('articles.list', ({ query }) =>
        json(
          query.cursor
            ? { data: [articleSummary(30)], nextCursor: null }
            : { data: [1, 2].map((n) => articleSummary(n)), nextCursor: 'c2' },
        ),
      );
      await settled(el);
      expect($$(el, '[part~="article"]').length).to.equal(2);
      ($(el, '[part~="more"]') as HTMLButtonElement).click();
      await waitUntil(() => $$(el, '[part~="article"]').length === 3, 'no second page', { timeout: 3000 });
      expect(calls(api, 'articles.list')[1]!.url.searchParams.get('cursor')).to.equal('c2');
      await el.updateComplete;
      expect($(el, '[part~="more"]')).to.equal(null);
    });
  });

  describe('states', () => {
    it('loading: a skeleton and a status message, accessible', async () => {
      const { el } = await mount('', { delayMs: 400 });
      await el.updateComplete;
      const loading = $(el, '[part~="loading"]')!;
      expect(loading.getAttribute('role')).to.equal('status');
      expect(loading.textContent).to.contain('Loading…');
      await expect(el).to.be.accessible(AXE);
      await settled(el);
    });

    it('empty: the empty slot with its default text, accessible', async () => {
      const { el, api } = await mount();
      api.use('knowledgeBase.home', json(knowledgeBaseHome({ categories: [], popular: [], recent: [], articleCount: 0 })));
      await settled(el, 'empty');
      expect($(el, '[part~="empty"]')!.textContent).to.contain('The help center has no articles yet.');
      await expect(el).to.be.accessible(AXE);
    });

    it('a topic without articles says so', async () => {
      const { el, api } = await mount('category="nothing-here"');
      api.use('articles.list', json({ data: [], nextCursor: null }));
      await settled(el, 'empty');
      expect($(el, '[part~="empty"]')!.textContent).to.contain('No articles in this topic yet.');
      await expect(el).to.be.accessible(AXE);
    });

    it('error: an alert by code and portico-error; Retry recovers; accessible', async () => {
      const { el, api } = await mount();
      api.use('knowledgeBase.home', problem(503, 'unavailable'));
      const error = oneEvent(el, 'portico-error');
      await settled(el, 'error');
      expect((await error).detail.code).to.equal('unavailable');
      expect($(el, '[role="alert"]')!.textContent).to.contain('Retry');
      await expect(el).to.be.accessible(AXE);
      api.reset();
      ($(el, '[part~="retry"]') as HTMLButtonElement).click();
      await settled(el);
      expect($$(el, '[part~="category"]').length).to.equal(4);
    });

    for (const [name, response] of [
      ['not JSON', malformedJson()],
      ['a category without a count', json({ ...knowledgeBaseHome(), categories: [{ id: 'c', slug: 's', name: 'n' }] })],
      ['popular is not a list', json({ ...knowledgeBaseHome(), popular: 'many' })],
    ] as const) {
      it(`malformed data (${name}): an error state, no crash, accessible`, async () => {
        const { el, api } = await mount();
        api.use('knowledgeBase.home', response);
        await settled(el, 'error');
        expect($(el, '[role="alert"]')!.textContent).to.contain('The server sent data that couldn’t be read.');
        expect($(el, '[part~="categories"]')).to.equal(null);
        await expect(el).to.be.accessible(AXE);
      });
    }

    it('refreshing: keeps the content, marked busy', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.delay(300);
      const done = el.refresh();
      await el.updateComplete;
      expect($(el, '[part~="content"]')!.getAttribute('aria-busy')).to.equal('true');
      expect($$(el, '[part~="category"]').length).to.equal(4);
      await expect(el).to.be.accessible(AXE);
      await done;
    });

    it('titles, summaries and topic names are text, never markup', async () => {
      const { el, api } = await mount();
      const evil = '<img src=x onerror="window.__kbHomeXss=1"><b>bold</b>';
      api.use(
        'knowledgeBase.home',
        json(
          knowledgeBaseHome({
            categories: [{ id: 'c', slug: 'x', name: evil, articleCount: 1 }],
            recent: [articleSummary(1, { title: evil, summary: evil })],
          }),
        ),
      );
      await settled(el);
      await aTimeout(50);
      expect($(el, '[part~="category-name"]')!.textContent).to.equal(evil);
      expect($(el, '[part~="recent"] [part~="article-title"]')!.textContent).to.equal(evil);
      expect($$(el, 'img, b').length).to.equal(0);
      expect((window as { __kbHomeXss?: number }).__kbHomeXss).to.equal(undefined);
    });
  });

  describe('keyboard', () => {
    it('Tab walks topics then articles; Enter opens a topic and focus moves to its heading; Enter on "All topics" returns focus to the topic', async () => {
      const { el } = await mount();
      await settled(el);
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.getAttribute('data-key')).to.equal('reports');
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.getAttribute('data-key')).to.equal('billing');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.textContent).to.contain('Exporting reports (1)');
      before.remove();
      ($$(el, '[part~="category"]')[1] as HTMLElement).focus();
      await sendKeys({ press: 'Enter' });
      await settled(el);
      await waitUntil(() => active(el)?.getAttribute('part') === 'heading', 'focus not on the heading', { timeout: 2000 });
      expect(active(el)!.textContent).to.equal('Billing & invoices');
      await sendKeys({ press: 'Shift+Tab' });
      expect(active(el)?.getAttribute('part')).to.equal('back');
      await sendKeys({ press: 'Enter' });
      await settled(el);
      await waitUntil(() => active(el)?.getAttribute('data-key') === 'billing', 'focus not back on the topic', { timeout: 2000 });
    });
  });

  describe('languages', () => {
    it('German from a provider: headings and counts', async () => {
      await loadLocale('de');
      const mock = createMockClient();
      const provider = await fixture(
        html`<portico-provider lang="de" .client=${mock.client}><portico-kb-home></portico-kb-home></portico-provider>`,
      );
      const el = provider.querySelector('portico-kb-home')!;
      await settled(el);
      expect(texts(el, '[part~="heading"]')).to.deep.equal(['Nach Thema stöbern', 'Beliebte Artikel', 'Kürzlich aktualisiert']);
      expect(texts(el, '[part~="category-count"]')[3]).to.equal('1 Artikel');
      expect($(el, '[part~="updated"]')!.textContent).to.match(/^Aktualisiert vor /);
      await expect(el).to.be.accessible(AXE);
    });

    it('Arabic right-to-left: Arabic plurals and numbers, mirrored layout, accessible', async () => {
      await loadLocale('ar');
      const mock = createMockClient();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="ar" dir="rtl"><portico-kb-home .client=${mock.client}></portico-kb-home></div>`,
      );
      const el = wrapper.querySelector('portico-kb-home')!;
      await settled(el);
      expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
      expect(texts(el, '[part~="heading"]')[0]).to.equal('تصفّح حسب الموضوع');
      const counts = texts(el, '[part~="category-count"]');
      expect(counts[3]).to.equal('مقال واحد');
      expect(counts[0]).to.equal(`${new Intl.NumberFormat('ar').format(12)} مقالًا`);
      const tiles = $$(el, '[part~="category"]');
      expect(tiles[0]!.getBoundingClientRect().right).to.be.greaterThan(tiles[1]!.getBoundingClientRect().right);
      await expect(el).to.be.accessible(AXE);
    });
  });

  describe('themes and width', () => {
    it('dark theme changes the colours and stays accessible', async () => {
      const mock = createMockClient();
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <portico-kb-home theme="light" .client=${mock.client}></portico-kb-home>
        <portico-kb-home theme="dark" .client=${mock.client}></portico-kb-home>
      </div>`);
      const [light, dark] = [...wrapper.querySelectorAll('portico-kb-home')] as PorticoKbHome[];
      await settled(light!);
      await settled(dark!);
      const color = (el: PorticoKbHome) => getComputedStyle($(el, '[part~="category-name"]')!).color;
      expect(color(dark!)).to.not.equal(color(light!));
      await expect(dark).to.be.accessible(AXE);
    });

    it('at 320 px: one column of topics, no horizontal overflow', async () => {
      const mock = createMockClient();
      const long = 'Supercalifragilisticexpialidocious'.repeat(3);
      mock.api.use(
        'knowledgeBase.home',
        json(
          knowledgeBaseHome({
            recent: [articleSummary(1, { title: long })],
            categories: [{ id: 'c', slug: 'x', name: long, articleCount: 2 }],
          }),
        ),
      );
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px"><portico-kb-home .client=${mock.client}></portico-kb-home></div>`,
      );
      const el = wrapper.querySelector('portico-kb-home')!;
      await settled(el);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      await expect(el).to.be.accessible(AXE);
    });
  });
});
