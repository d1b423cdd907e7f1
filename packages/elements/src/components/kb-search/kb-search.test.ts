import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { articleSummary, searchHit } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockApi, malformedJson, problem } from '../../testing/mock-api.js';
import '../provider/provider.js';
import type { PorticoKbSearch } from './kb-search.component.js';
import './kb-search.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
const $ = (el: PorticoKbSearch, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: PorticoKbSearch, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const input = (el: PorticoKbSearch) => $(el, '[part~="input"]') as HTMLInputElement;
const options = (el: PorticoKbSearch) => $$(el, '[part~="option"]');
const popup = (el: PorticoKbSearch) => $(el, '[part~="popup"]')!;
const live = (el: PorticoKbSearch) => $(el, '[part~="live"]')!.textContent!.trim();
const expanded = (el: PorticoKbSearch) => input(el).getAttribute('aria-expanded') === 'true';
const activeIndex = (el: PorticoKbSearch) => {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? options(el).findIndex((o) => o.id === id) : -1;
};
const calls = (api: MockApi, key: string) => api.calls.filter((c) => c.key === key);

const CATEGORIES = [
  { id: 'cat_1', slug: 'reports', name: 'Reports', articleCount: 4 },
  { id: 'cat_2', slug: 'billing', name: 'Billing', articleCount: 2 },
];

/** Hits whose titles contain the query, so a test can tell which search answered. */
const hitsFor = (q: string, n = 3) =>
  Array.from({ length: n }, (_, i) =>
    searchHit(i + 1, {
      title: [
        { text: `${q} `, highlight: true },
        { text: `guide ${i + 1}`, highlight: false },
      ],
    }),
  );

async function mount(template?: (client: unknown) => ReturnType<typeof html>, options: Parameters<typeof createMockClient>[0] = {}) {
  const mock = createMockClient(options);
  // The default mock's categories miss the contract's `articleCount`; answer with valid ones.
  mock.api.use('articles.categories', json({ data: CATEGORIES }));
  const el = await fixture<PorticoKbSearch>(
    template ? template(mock.client) : html`<portico-kb-search .client=${mock.client} debounce="20"></portico-kb-search>`,
  );
  return { ...mock, el };
}

/** Types into the field and waits until the results (or a given part) show. */
async function search(el: PorticoKbSearch, text: string, part = 'option') {
  input(el).focus();
  await sendKeys({ type: text });
  await waitUntil(() => $(el, `[part~="${part}"]`) && $(el, '[part~="listbox"]')!.getAttribute('aria-busy') !== 'true', `no ${part}`, {
    timeout: 4000,
  });
  await el.updateComplete;
}

describe('<portico-kb-search>', () => {
  describe('defaults', () => {
    it('renders a named, collapsed combobox and does not search without a query', async () => {
      const { el, api } = await mount();
      await waitUntil(() => $(el, '[part~="category"]'), 'no categories', { timeout: 3000 });
      expect(el.query).to.equal('');
      expect(el.category).to.equal('');
      expect(el.debounce).to.equal(20);
      expect(el.limit).to.equal(8);
      expect(el.minLength).to.equal(2);
      expect(el.popular).to.equal(false);
      expect(el.shadowRoot!.firstElementChild!.getAttribute('part')).to.equal('base');
      const field = input(el);
      expect(field.getAttribute('role')).to.equal('combobox');
      expect(field.getAttribute('aria-autocomplete')).to.equal('list');
      expect(field.getAttribute('aria-expanded')).to.equal('false');
      expect(field.hasAttribute('aria-activedescendant')).to.equal(false);
      const listbox = $(el, '[part~="listbox"]')!;
      expect(field.getAttribute('aria-controls')).to.equal(listbox.id);
      expect(listbox.getAttribute('role')).to.equal('listbox');
      expect(field.labels![0]!.textContent).to.equal('Search help articles');
      expect(field.placeholder).to.equal('Search the help center');
      expect(popup(el).hidden).to.equal(true);
      expect(calls(api, 'articles.search').length).to.equal(0);
      expect(calls(api, 'articles.list').length).to.equal(0);
      expect($$(el, '[part~="category"] option').map((o) => o.textContent)).to.deep.equal(['All categories', 'Reports', 'Billing']);
      await expect(el).to.be.accessible(AXE);
    });

    it('searches as you type, once per pause, and shows highlighted hits', async () => {
      const { el, api } = await mount();
      await search(el, 'export');
      expect(el.query).to.equal('export');
      const requests = calls(api, 'articles.search');
      expect(requests.length).to.equal(1);
      expect(requests[0]!.query).to.deep.include({ q: 'export', limit: '8' });
      expect(expanded(el)).to.equal(true);
      expect(popup(el).hidden).to.equal(false);
      expect(options(el).length).to.equal(3);
      const first = options(el)[0]!;
      expect(first.getAttribute('role')).to.equal('option');
      expect(first.getAttribute('aria-selected')).to.equal('false');
      expect(first.dataset.slug).to.equal('exporting-reports-1');
      expect(first.querySelector('[part~="option-title"]')!.textContent).to.equal('Exporting reports');
      expect([...first.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['reports', 'report']);
      expect(first.querySelector('[part~="option-category"]')!.textContent).to.equal('Reports');
      expect(el.results.length).to.equal(3);
    });
  });

  describe('attributes and properties', () => {
    it('searches for a query set from outside and shows it in the field', async () => {
      const { el, api } = await mount();
      el.query = 'invoice';
      await waitUntil(() => el.results.length === 3, 'no results', { timeout: 3000 });
      expect(input(el).value).to.equal('invoice');
      expect(calls(api, 'articles.search')[0]!.query.q).to.equal('invoice');
      // Not focused, so no popup opens by itself.
      expect(expanded(el)).to.equal(false);
    });

    it('clamps limit to 1–20 and ignores queries shorter than min-length', async () => {
      const { el, api } = await mount(
        (c) => html`<portico-kb-search .client=${c} debounce="10" limit="50" min-length="3"></portico-kb-search>`,
      );
      expect(el.minLength).to.equal(3);
      el.query = 'ab';
      await el.updateComplete;
      await aTimeout(50);
      expect(calls(api, 'articles.search').length).to.equal(0);
      el.query = 'abc';
      await waitUntil(() => calls(api, 'articles.search').length === 1, 'no search', { timeout: 3000 });
      expect(calls(api, 'articles.search')[0]!.query.limit).to.equal('20');
    });

    it('filters by category (select or attribute)', async () => {
      const { el, api } = await mount();
      await search(el, 'export');
      const select = $(el, '[part~="category"]') as HTMLSelectElement;
      select.value = 'billing';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => calls(api, 'articles.search').length === 2, 'no second search', { timeout: 3000 });
      expect(el.category).to.equal('billing');
      expect(el.getAttribute('category')).to.equal('billing');
      expect(calls(api, 'articles.search')[1]!.query).to.deep.include({ q: 'export', category: 'billing' });
      el.setAttribute('category', 'reports');
      await waitUntil(() => calls(api, 'articles.search').length === 3, 'no third search', { timeout: 3000 });
      expect(calls(api, 'articles.search')[2]!.query.category).to.equal('reports');
      expect(select.value).to.equal('reports');
    });

    it('hide-categories: no filter and no categories request', async () => {
      const { el, api } = await mount((c) => html`<portico-kb-search .client=${c} hide-categories></portico-kb-search>`);
      await aTimeout(50);
      expect(!!$(el, '[part~="category"]')).to.equal(false);
      expect(calls(api, 'articles.categories').length).to.equal(0);
    });

    it('placeholder and show-label', async () => {
      const { el } = await mount(
        (c) => html`<portico-kb-search .client=${c} placeholder="How can we help?" show-label></portico-kb-search>`,
      );
      expect(input(el).placeholder).to.equal('How can we help?');
      expect($(el, '[part~="label"]')!.classList.contains('visually-hidden')).to.equal(false);
    });

    it('popular: an empty field offers popular articles from articles.list', async () => {
      const { el, api } = await mount((c) => html`<portico-kb-search .client=${c} popular debounce="10"></portico-kb-search>`);
      await waitUntil(() => el.results.length > 0, 'no popular articles', { timeout: 3000 });
      expect(calls(api, 'articles.list')[0]!.query.limit).to.equal('8');
      expect(expanded(el)).to.equal(false);
      input(el).click();
      await el.updateComplete;
      expect(expanded(el)).to.equal(true);
      expect($(el, '[part~="heading"]')!.textContent).to.equal('Popular articles');
      expect($(el, '[part~="listbox"]')!.getAttribute('aria-label')).to.equal('Popular articles');
      expect(options(el)[0]!.querySelector('[part~="option-snippet"]')!.textContent).to.equal('How to export any report as CSV or PDF.');
      expect(options(el)[0]!.querySelectorAll('mark').length).to.equal(0);
      await expect(el).to.be.accessible(AXE);
      // Typing replaces them with results, never showing the popular list as results meanwhile.
      api.use('articles.search', { ...json({ data: hitsFor('vpn') }), delayMs: 150 });
      input(el).focus();
      await sendKeys({ type: 'vpn' });
      await waitUntil(() => $(el, '[part~="loading"]'), 'no loading state', { timeout: 3000 });
      expect(options(el).length).to.equal(0);
      await waitUntil(() => options(el)[0]?.querySelector('mark')?.textContent === 'vpn ', 'no results', { timeout: 3000 });
    });
  });

  describe('slots', () => {
    it('renders the empty slot when nothing matches', async () => {
      const { el, api } = await mount(
        (c) => html`<portico-kb-search .client=${c} debounce="10"><p slot="empty">Try other words</p></portico-kb-search>`,
      );
      api.use('articles.search', json({ data: [] }));
      await search(el, 'zzz', 'empty');
      const slot = $(el, 'slot[name="empty"]') as HTMLSlotElement;
      expect(slot.assignedElements()[0]!.textContent).to.equal('Try other words');
    });

    it('renders the error slot and keeps Retry', async () => {
      const { el, api } = await mount(
        (c) => html`<portico-kb-search .client=${c} debounce="10"><p slot="error">Help is offline</p></portico-kb-search>`,
      );
      api.use('articles.search', problem(503, 'unavailable'));
      await search(el, 'export', 'error');
      expect(($(el, 'slot[name="error"]') as HTMLSlotElement).assignedElements()[0]!.textContent).to.equal('Help is offline');
      expect(!!$(el, '[part~="retry"]')).to.equal(true);
    });
  });

  describe('events', () => {
    it('fires portico-article-open (bubbling, composed, cancelable) on click and closes', async () => {
      const { el } = await mount();
      await search(el, 'export');
      setTimeout(() => options(el)[1]!.click());
      const event = await oneEvent(document, 'portico-article-open');
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      expect(event.detail.slug).to.equal('exporting-reports-2');
      expect(event.detail.article.id).to.equal('art_2');
      await el.updateComplete;
      expect(expanded(el)).to.equal(false);
    });

    it('a canceled event keeps the popup open and does not navigate', async () => {
      const { el } = await mount((c) => html`<portico-kb-search .client=${c} debounce="10" article-href="#kb-{slug}"></portico-kb-search>`);
      const hash = location.hash;
      await search(el, 'export');
      el.addEventListener('portico-article-open', (e) => e.preventDefault(), { once: true });
      options(el)[0]!.click();
      await el.updateComplete;
      expect(expanded(el)).to.equal(true);
      expect(location.hash).to.equal(hash);
    });

    it('navigates to article-href when not canceled', async () => {
      const { el } = await mount((c) => html`<portico-kb-search .client=${c} debounce="10" article-href="#kb-{slug}"></portico-kb-search>`);
      await search(el, 'export');
      options(el)[2]!.click();
      await waitUntil(() => location.hash === '#kb-exporting-reports-3', 'no navigation', { timeout: 2000 });
      history.replaceState(null, '', location.pathname + location.search);
    });

    it('fires portico-error with the code', async () => {
      const { el, api } = await mount();
      api.use('articles.search', problem(429, 'rate_limited'));
      input(el).focus();
      setTimeout(() => sendKeys({ type: 'export' }));
      const event = await oneEvent(el, 'portico-error');
      expect(event.detail.code).to.equal('rate_limited');
    });
  });

  describe('states', () => {
    it('loading: “Searching…” in the open popup, accessible', async () => {
      const { el } = await mount(undefined, { delayMs: 400 });
      input(el).focus();
      await sendKeys({ type: 'export' });
      await waitUntil(() => $(el, '[part~="loading"]') && expanded(el), 'no loading', { timeout: 2000 });
      expect($(el, '[part~="loading"]')!.textContent).to.contain('Searching…');
      expect(options(el).length).to.equal(0);
      await expect(el).to.be.accessible(AXE);
      await waitUntil(() => options(el).length === 3, 'no results', { timeout: 3000 });
    });

    it('results: announces the count politely, accessible with an active option', async () => {
      const { el } = await mount();
      await search(el, 'export');
      const region = $(el, '[part~="live"]')!;
      expect(region.getAttribute('role')).to.equal('status');
      expect(region.getAttribute('aria-live')).to.equal('polite');
      await waitUntil(() => live(el) === '3 articles found', 'no announcement', { timeout: 2000 });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      await expect(el).to.be.accessible(AXE);
    });

    it('no results: the default text, announced, accessible', async () => {
      const { el, api } = await mount();
      api.use('articles.search', json({ data: [] }));
      await search(el, 'qwerty', 'empty');
      expect($(el, '[part~="empty"]')!.textContent).to.contain('No articles match “qwerty”.');
      expect($(el, '[part~="listbox"]')!.hidden).to.equal(true);
      expect(expanded(el)).to.equal(true);
      expect(live(el)).to.equal('No articles found');
      await expect(el).to.be.accessible(AXE);
    });

    it('error: an alert by code, Retry searches again, accessible', async () => {
      const { el, api } = await mount();
      api.use('articles.search', problem(503, 'unavailable'));
      await search(el, 'export', 'error');
      expect($(el, '[role="alert"]')!.textContent).to.contain('The service is unavailable right now.');
      expect(expanded(el)).to.equal(true);
      await expect(el).to.be.accessible(AXE);
      api.use('articles.search', json({ data: hitsFor('export') }));
      ($(el, '[part~="retry"]') as HTMLButtonElement).click();
      await waitUntil(() => options(el).length === 3, 'no results after retry', { timeout: 3000 });
      expect(!!$(el, '[part~="error"]')).to.equal(false);
    });

    for (const [name, response] of [
      ['a body that is not JSON', malformedJson()],
      ['JSON that breaks the contract', { status: 200, body: { data: [{ article: { id: 'art_1' }, title: '<b>x</b>' }] } }],
    ] as const) {
      it(`malformed data (${name}): an error state, never a crash`, async () => {
        const { el, api } = await mount();
        api.use('articles.search', response);
        await search(el, 'export', 'error');
        expect($(el, '[role="alert"]')!.textContent).to.contain('The server sent data that couldn’t be read.');
        expect(options(el).length).to.equal(0);
        await expect(el).to.be.accessible(AXE);
      });
    }

    it('slow network: older results stay, busy; a newer query aborts the older request, whose answer is dropped', async () => {
      const { el, api } = await mount();
      const aborted: string[] = [];
      api.use('articles.search', ({ query, signal }) => {
        signal?.addEventListener('abort', () => aborted.push(query.q!));
        return { ...json({ data: hitsFor(query.q!) }), delayMs: query.q === 'exp' ? 400 : query.q === 'ex' ? 0 : 100 };
      });
      await search(el, 'ex');
      expect(options(el)[0]!.querySelector('mark')!.textContent).to.equal('ex ');
      await sendKeys({ type: 'p' });
      await waitUntil(() => calls(api, 'articles.search').length === 2, 'no second search', { timeout: 2000 });
      await el.updateComplete;
      // The previous hits stay on screen, marked busy.
      expect($(el, '[part~="listbox"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(options(el).length).to.equal(3);
      await sendKeys({ type: 'o' });
      await waitUntil(() => options(el)[0]?.querySelector('mark')?.textContent === 'expo ', 'no newest results', { timeout: 3000 });
      await aTimeout(450);
      expect(options(el)[0]!.querySelector('mark')!.textContent).to.equal('expo ');
      expect(aborted).to.deep.equal(['exp']);
    });

    it('categories failing: no filter, searching still works', async () => {
      const mock = createMockClient();
      mock.api.use('articles.categories', problem(500, 'internal'));
      const el = await fixture<PorticoKbSearch>(html`<portico-kb-search .client=${mock.client} debounce="10"></portico-kb-search>`);
      await waitUntil(() => calls(mock.api, 'articles.categories').length === 1, 'no categories request', { timeout: 2000 });
      await aTimeout(50);
      expect(!!$(el, '[part~="category"]')).to.equal(false);
      await search(el, 'export');
      expect(options(el).length).to.equal(3);
    });

    it('without a client: says it is not connected once the user searches', async () => {
      const el = await fixture<PorticoKbSearch>(html`<portico-kb-search debounce="10"></portico-kb-search>`);
      await aTimeout(1100);
      input(el).focus();
      await sendKeys({ type: 'export' });
      await waitUntil(() => $(el, '[role="alert"]'), 'no error', { timeout: 3000 });
      expect($(el, '[role="alert"]')!.textContent).to.contain('Not connected to the portal.');
    });
  });

  describe('security', () => {
    it('renders markup inside highlight segments as text', async () => {
      const { el, api } = await mount();
      api.use(
        'articles.search',
        json({
          data: [
            searchHit(1, {
              article: articleSummary(1, { title: '<img src=x onerror=alert(1)>' }),
              title: [
                { text: '<b>bold</b>', highlight: true },
                { text: '<img src=x onerror="alert(1)">', highlight: false },
              ],
              snippet: [{ text: '<script>alert(1)</script>', highlight: true }],
            }),
          ],
        }),
      );
      await search(el, 'bold');
      const option = options(el)[0]!;
      expect(option.querySelector('[part~="option-title"]')!.textContent).to.equal('<b>bold</b><img src=x onerror="alert(1)">');
      expect(option.querySelectorAll('b, img, script').length).to.equal(0);
      expect([...option.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['<b>bold</b>', '<script>alert(1)</script>']);
    });

    it('never loads DOMPurify or marked', async () => {
      const { el } = await mount();
      await search(el, 'export');
      const loaded = performance.getEntriesByType('resource').map((e) => e.name);
      expect(loaded.some((n) => /dompurify|marked|sanitize/i.test(n))).to.equal(false);
    });
  });

  describe('keyboard (APG combobox with listbox popup)', () => {
    it('arrows move and wrap, Enter opens, Escape closes then clears, Home/End stay in the text', async () => {
      const { el } = await mount();
      await search(el, 'export');
      expect(activeIndex(el)).to.equal(-1);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(activeIndex(el)).to.equal(0);
      expect(options(el)[0]!.getAttribute('aria-selected')).to.equal('true');
      expect(el.shadowRoot!.activeElement === input(el)).to.equal(true); // DOM focus stays in the field
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(activeIndex(el)).to.equal(2);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(activeIndex(el)).to.equal(0); // wraps
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(activeIndex(el)).to.equal(2); // wraps back
      expect(options(el).filter((o) => o.getAttribute('aria-selected') === 'true').length).to.equal(1);

      // Home / End move the caret and return visual focus to the field.
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(input(el).selectionStart).to.equal(0);
      expect(activeIndex(el)).to.equal(-1);
      expect(expanded(el)).to.equal(true);
      await sendKeys({ press: 'End' });
      expect(input(el).selectionStart).to.equal(6);

      // Enter on the active option opens it.
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(activeIndex(el)).to.equal(2);
      setTimeout(() => sendKeys({ press: 'Enter' }));
      expect((await oneEvent(el, 'portico-article-open')).detail.slug).to.equal('exporting-reports-3');
      await el.updateComplete;
      expect(expanded(el)).to.equal(false);

      // ArrowDown reopens on the first option; Escape closes, a second Escape clears the field.
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(expanded(el)).to.equal(true);
      expect(activeIndex(el)).to.equal(0);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(expanded(el)).to.equal(false);
      expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
      expect(input(el).value).to.equal('export');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input(el).value).to.equal('');
      expect(el.query).to.equal('');
    });

    it('Enter without an active option searches at once; typing drops the active option; Tab closes', async () => {
      const { el, api } = await mount((c) => html`<portico-kb-search .client=${c} debounce="5000"></portico-kb-search>`);
      input(el).focus();
      await sendKeys({ type: 'export' });
      expect(calls(api, 'articles.search').length).to.equal(0);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => options(el).length === 3, 'no results', { timeout: 3000 });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(activeIndex(el)).to.equal(0);
      await sendKeys({ type: 's' });
      await el.updateComplete;
      expect(activeIndex(el)).to.equal(-1);
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(expanded(el)).to.equal(false);
    });

    it('ArrowUp opens on the last option; Alt+ArrowDown opens without choosing', async () => {
      const { el } = await mount();
      await search(el, 'export');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      await sendKeys({ press: 'Alt+ArrowDown' });
      await el.updateComplete;
      expect(expanded(el)).to.equal(true);
      expect(activeIndex(el)).to.equal(-1);
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(activeIndex(el)).to.equal(2);
    });

    it('focus leaving the component closes the popup', async () => {
      const { el } = await mount();
      await search(el, 'export');
      const outside = document.createElement('button');
      outside.textContent = 'outside';
      document.body.append(outside);
      outside.focus();
      await el.updateComplete;
      expect(expanded(el)).to.equal(false);
      outside.remove();
    });
  });

  describe('right-to-left', () => {
    it('renders Arabic right-to-left with Arabic text and plural announcements', async () => {
      await loadLocale('ar');
      const mock = createMockClient();
      mock.api.use('articles.categories', json({ data: CATEGORIES }));
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="ar" dir="rtl"><portico-kb-search .client=${mock.client} debounce="10"></portico-kb-search></div>`,
      );
      const el = wrapper.querySelector('portico-kb-search')!;
      await search(el, 'تصدير');
      const base = $(el, '[part~="base"]')!;
      expect(base.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(input(el)).direction).to.equal('rtl');
      expect(input(el).labels![0]!.textContent).to.equal('البحث في مقالات المساعدة');
      const three = new Intl.NumberFormat('ar').format(3);
      await waitUntil(() => live(el) === `تم العثور على ${three} مقالات`, `announcement: ${live(el)}`, { timeout: 2000 });
      // The popup lines up with the field, right edges together.
      const p = popup(el).getBoundingClientRect();
      expect(p.right).to.be.closeTo(base.getBoundingClientRect().right, 2);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(activeIndex(el)).to.equal(0);
      await expect(el).to.be.accessible(AXE);
    });

    it('German from a provider', async () => {
      await loadLocale('de');
      const mock = createMockClient();
      const provider = await fixture(
        html`<portico-provider lang="de" .client=${mock.client}><portico-kb-search hide-categories></portico-kb-search></portico-provider>`,
      );
      const el = provider.querySelector('portico-kb-search')!;
      await el.updateComplete;
      expect(input(el).placeholder).to.equal('Im Hilfe-Center suchen');
    });
  });

  describe('dark theme', () => {
    it('uses different colours with theme="dark" and stays accessible with results open', async () => {
      const mock = createMockClient();
      mock.api.use('articles.categories', json({ data: CATEGORIES }));
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <portico-kb-search theme="light" .client=${mock.client}></portico-kb-search>
        <portico-kb-search theme="dark" .client=${mock.client} debounce="10"></portico-kb-search>
      </div>`);
      const [light, dark] = [...wrapper.querySelectorAll('portico-kb-search')] as PorticoKbSearch[];
      await light!.updateComplete;
      await search(dark!, 'export');
      await sendKeys({ press: 'ArrowDown' });
      await dark!.updateComplete;
      const colors = (el: PorticoKbSearch) => {
        const s = getComputedStyle(input(el));
        return [s.color, s.backgroundColor].join();
      };
      expect(colors(dark!)).to.not.equal(colors(light!));
      expect(getComputedStyle(popup(dark!)).backgroundColor).to.equal('rgb(13, 17, 23)');
      await expect(dark).to.be.accessible(AXE);
    });
  });

  describe('narrow (320 px)', () => {
    it('has no horizontal overflow with results open', async () => {
      const mock = createMockClient();
      mock.api.use('articles.categories', json({ data: CATEGORIES }));
      mock.api.use(
        'articles.search',
        json({
          data: [
            searchHit(1, {
              title: [{ text: 'Averyveryverylongwordwithoutanybreakopportunitiesthatmustwrapsomewhere', highlight: true }],
            }),
            searchHit(2),
          ],
        }),
      );
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px"><portico-kb-search .client=${mock.client} debounce="10"></portico-kb-search></div>`,
      );
      const el = wrapper.querySelector('portico-kb-search')!;
      await waitUntil(() => $(el, '[part~="category"]'), 'no categories', { timeout: 3000 });
      await search(el, 'export');
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      const p = popup(el);
      expect(p.scrollWidth).to.be.at.most(p.clientWidth);
      expect(p.getBoundingClientRect().width).to.be.at.most(320);
      for (const o of options(el)) expect(o.scrollWidth).to.be.at.most(o.clientWidth + 1);
      await expect(el).to.be.accessible(AXE);
    });
  });
});
