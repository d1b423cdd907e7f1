import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createMockClient } from '../../testing/mock-api.js';
import type { PorticoDeliverableList } from './deliverable-list.component.js';
import './deliverable-list.js';

const $ = (el: HTMLElement, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const settled = async (el: PorticoDeliverableList) => {
  await el.updateComplete;
  await waitUntil(() => $(el, '[part~="content"], [part~="empty"]') && !$(el, '[aria-busy="true"]'), 'not loaded', { timeout: 4000 });
};

async function mount(attrs = '') {
  const mock = createMockClient();
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = `<portico-deliverable-list project-id="prj_1" ${attrs}></portico-deliverable-list>`;
  const el = wrapper.firstElementChild as PorticoDeliverableList;
  el.client = mock.client;
  await el.updateComplete;
  return { ...mock, el };
}
const lists = (api: { calls: Array<{ key: string; query: Record<string, string> }> }) =>
  api.calls.filter((c) => c.key === 'deliverables.list');
const choose = async (el: PorticoDeliverableList, value: string) => {
  const filter = $(el, '[part~="filter"]') as HTMLSelectElement;
  filter.value = value;
  filter.dispatchEvent(new Event('change'));
  await settled(el);
};

describe('<portico-deliverable-list> state that survives Back', () => {
  it('url-state: opens with the filter of the query string and writes each change back (replaceState, its own prefix)', async () => {
    const start = location.href;
    const depth = history.length;
    history.replaceState(null, '', `${location.pathname}?other=1&d-reviewStatus=approved`);
    try {
      const { el, api } = await mount('url-state="d-"');
      await settled(el);
      expect(el.reviewStatus).to.equal('approved');
      expect(lists(api).length).to.equal(1); // the first request already has it: no load with the default first
      expect(lists(api)[0]!.query.review_status ?? lists(api)[0]!.query.reviewStatus).to.equal('approved');
      expect(($(el, '[part~="filter"]') as HTMLSelectElement).value).to.equal('approved');
      await choose(el, 'changes_requested');
      let params = new URLSearchParams(location.search);
      expect(params.get('d-reviewStatus')).to.equal('changes_requested');
      expect(params.get('other')).to.equal('1');
      expect(history.length).to.equal(depth); // replaced, never pushed
      // Back to this page later: a new list on the same URL opens with the same filter.
      const again = await mount('url-state="d-"');
      await settled(again.el);
      expect(again.el.reviewStatus).to.equal('changes_requested');
      await choose(again.el, ''); // "All", what the page set: no parameter
      params = new URLSearchParams(location.search);
      expect(params.has('d-reviewStatus')).to.equal(false);
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('an invalid value in the URL is ignored; without url-state the URL is left alone and a change fires portico-state-change', async () => {
    const start = location.href;
    history.replaceState(null, '', `${location.pathname}?d-reviewStatus=drop%20table`);
    try {
      const bad = await mount('url-state="d-"');
      await settled(bad.el);
      expect(bad.el.reviewStatus).to.equal('');
    } finally {
      history.replaceState(null, '', start);
    }
    const { el } = await mount();
    await settled(el);
    const filter = $(el, '[part~="filter"]') as HTMLSelectElement;
    filter.value = 'pending';
    setTimeout(() => filter.dispatchEvent(new Event('change')));
    const e = await oneEvent(el, 'portico-state-change');
    expect(e.detail.state).to.deep.equal({ reviewStatus: 'pending' });
    expect(e.bubbles && e.composed).to.equal(true);
    await aTimeout(0);
    expect(location.href).to.equal(start);
    el.restoreState({ reviewStatus: 'bogus' });
    expect(el.reviewStatus).to.equal('pending');
    el.restoreState({ reviewStatus: 'approved' });
    expect(el.reviewStatus).to.equal('approved');
  });
});
