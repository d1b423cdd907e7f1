import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Comment } from '@portico/contract';
import { comment } from '@portico/contract/fixtures';
import { PorticoElement } from '../base/portico-element.js';
import { createMockClient, json, paginate, problem } from '../testing/mock-api.js';
import type { PageMode } from './page-controller.js';
import { PagesController } from './pages-controller.js';

const ALL = Array.from({ length: 7 }, (_, i) => comment(i + 1));
const ids = (items: readonly Comment[]) => items.map((c) => c.id.replace('cmt_', ''));

/** Pages of 3 comments of `version` (an input: changing it starts again). */
function host(mode: PageMode, options: { keep?: boolean; follow?: number } = {}) {
  class PagedHost extends PorticoElement {
    static override properties = { version: { type: Number } };
    version = 1;
    readonly pages = new PagesController(this, {
      args: () => [this.version] as const,
      load: (client, [version], cursor, { signal }) => client.comments.list({ id: 'dlv_1', version, limit: 3, cursor, signal }),
      mode,
      key: (c) => c.id,
      ...options,
    });
  }
  const tag = `test-paged-${mode}-${Math.random().toString(36).slice(2, 8)}`;
  customElements.define(tag, PagedHost);
  return tag;
}

async function mount(mode: PageMode, options?: { keep?: boolean; follow?: number }) {
  const mock = createMockClient();
  let rows = ALL;
  mock.api.use('comments.list', ({ query }) => paginate(rows, query));
  const tag = host(mode, options);
  const el = (await fixture(html`<div></div>`)).appendChild(document.createElement(tag)) as PorticoElement & {
    version: number;
    pages: PagesController<Comment, readonly [number]>;
  };
  el.client = mock.client;
  await waitUntil(() => el.pages.resource.state === 'complete', 'no first page');
  return { ...mock, el, setRows: (r: Comment[]) => (rows = r) };
}

describe('PageController', () => {
  it('more: "load more" appends the next pages until there is none', async () => {
    const { el } = await mount('more');
    expect(ids(el.pages.items)).to.deep.equal(['1', '2', '3']);
    expect(el.pages.hasMore).to.equal(true);
    await el.pages.loadMore();
    await el.pages.loadMore();
    expect(ids(el.pages.items)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7']);
    expect(el.pages.hasMore).to.equal(false);
    const same = el.pages.items;
    expect(el.pages.items).to.equal(same); // the same array until it changes (a virtualizer keeps its rows)
  });

  it('older: the next pages go before the loaded ones (a history that grows upward)', async () => {
    const { el } = await mount('older');
    await el.pages.loadMore();
    await el.pages.loadMore();
    expect(ids(el.pages.items)).to.deep.equal(['7', '4', '5', '6', '1', '2', '3']);
  });

  it('pages: next and previous walk a stack of cursors', async () => {
    const { el, api } = await mount('pages');
    expect([el.pages.page, el.pages.hasPrevious, el.pages.hasNext]).to.deep.equal([1, false, true]);
    el.pages.nextPage();
    await waitUntil(() => ids(el.pages.items)[0] === '4', 'not on page 2');
    el.pages.nextPage();
    await waitUntil(() => ids(el.pages.items)[0] === '7', 'not on page 3');
    expect([el.pages.page, el.pages.hasNext]).to.deep.equal([3, false]);
    el.pages.previousPage();
    await waitUntil(() => ids(el.pages.items)[0] === '4', 'not back on page 2');
    expect(el.pages.page).to.equal(2);
    expect(api.calls.filter((c) => c.key === 'comments.list').at(-1)!.query.cursor).to.be.a('string');
  });

  it('an input change starts again from the first page (pages and more)', async () => {
    for (const mode of ['pages', 'more'] as const) {
      const { el, api } = await mount(mode);
      if (mode === 'pages') el.pages.nextPage();
      else await el.pages.loadMore();
      await waitUntil(() => el.pages.items.length && (mode === 'more' ? el.pages.items.length === 6 : ids(el.pages.items)[0] === '4'));
      el.version = 2;
      await waitUntil(
        () => el.pages.resource.state === 'complete' && ids(el.pages.items).join() === '1,2,3',
        `${mode}: not back to page 1`,
      );
      const last = api.calls.filter((c) => c.key === 'comments.list').at(-1)!;
      expect(last.url.pathname).to.contain('/versions/2/');
      expect(last.query.cursor).to.equal(undefined);
      expect(el.pages.page).to.equal(1);
    }
  });

  it('a refresh drops the added pages, or keeps them with `keep`; an item in two pages shows once', async () => {
    const dropped = await mount('more');
    await dropped.el.pages.loadMore();
    await dropped.el.pages.refresh();
    expect(ids(dropped.el.pages.items)).to.deep.equal(['1', '2', '3']);
    const kept = await mount('more', { keep: true });
    await kept.el.pages.loadMore();
    // A new comment on top shifts the pages: comment 3 is now on the first page and the second.
    kept.setRows([comment(0), ...ALL]);
    await kept.el.pages.refresh();
    expect(ids(kept.el.pages.items)).to.deep.equal(['0', '1', '2', '4', '5', '6']);
  });

  it('follow: several pages before the list shows', async () => {
    const { el, api } = await mount('more', { follow: 2 });
    expect(ids(el.pages.items)).to.deep.equal(['1', '2', '3', '4', '5', '6']);
    expect(api.calls.filter((c) => c.key === 'comments.list')).to.have.length(2);
    expect(el.pages.hasMore).to.equal(true);
  });

  it('a failed next page says so (moreState, portico-error) and can be tried again; the loaded items stay', async () => {
    const { el, api } = await mount('more');
    const codes: string[] = [];
    el.addEventListener('portico-error', (e) => codes.push(e.detail.code));
    api.use('comments.list', problem(503, 'unavailable'));
    await el.pages.loadMore();
    expect(el.pages.moreState).to.equal('error');
    expect(codes).to.deep.equal(['unavailable']);
    expect(ids(el.pages.items)).to.deep.equal(['1', '2', '3']);
    api.use('comments.list', ({ query }) => paginate(ALL, query));
    await el.pages.loadMore();
    expect(el.pages.moreState).to.equal('idle');
    expect(el.pages.items).to.have.length(6);
    api.use('comments.list', json({ data: [], nextCursor: null }));
  });
});
