import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ticket } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, malformedJson, malformedList, problem } from '../../testing/mock-api.js';
import '../provider/provider.js';
import { slaState } from './ticket-list.component.js';
import './ticket-list.js';
import type { PorticoTicketList } from './ticket-list.component.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
const $ = (el: PorticoTicketList, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: PorticoTicketList, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const rows = (el: PorticoTicketList) => $$(el, '[part~="row"]') as HTMLButtonElement[];
const settled = async (el: PorticoTicketList, part = 'content') => {
  await el.updateComplete;
  await aTimeout(0);
  await waitUntil(() => $(el, `[part~="${part}"]`) && !$(el, '[aria-busy="true"]'), `no ${part}`, { timeout: 4000 });
};

const lastList = (api: { calls: Array<{ key: string; query: Record<string, string> }> }) =>
  api.calls.filter((c) => c.key === 'tickets.list').at(-1)!;

async function mount(template?: (client: unknown) => ReturnType<typeof html>, options: Parameters<typeof createMockClient>[0] = {}) {
  const mock = createMockClient(options);
  const el = await fixture<PorticoTicketList>(
    template ? template(mock.client) : html`<portico-ticket-list .client=${mock.client} debounce="30"></portico-ticket-list>`,
  );
  return { ...mock, el };
}

describe('<portico-ticket-list>', () => {
  describe('defaults', () => {
    it('loads the first page of the contact’s tickets, newest update first', async () => {
      const { el, api } = await mount();
      expect(el.status).to.equal('');
      expect(el.priority).to.equal('');
      expect(el.sort).to.equal('-updated_at');
      expect(el.scope).to.equal('mine');
      expect(el.pageSize).to.equal(25);
      await settled(el);
      expect(rows(el).length).to.equal(25);
      expect(lastList(api).query).to.include({ sort: '-updated_at', scope: 'mine', limit: '25' });
      expect(el.shadowRoot!.firstElementChild!.getAttribute('part')).to.equal('base');
      expect(el.tickets.length).to.equal(25);
    });

    it('shows number, subject, status and priority badges', async () => {
      const { el } = await mount();
      await settled(el);
      const first = rows(el)[0]!;
      expect(first.querySelector('[part~="number"]')!.textContent).to.equal('#1001');
      expect(first.querySelector('[part~="subject"]')!.textContent).to.equal('Cannot export report #1');
      expect(first.querySelector('[part~="status"]')!.textContent).to.contain('Pending');
      expect(first.querySelector('[part~="priority"]')!.textContent).to.contain('Normal');
      expect(first.querySelector('[part~="meta"]')!.textContent).to.contain('2 messages');
    });

    it('flags breached and due-soon SLAs', async () => {
      const { el } = await mount();
      await settled(el);
      const byId = (id: string) => rows(el).find((r) => r.dataset.id === id)!;
      const sla = (id: string) => byId(id).querySelector('[part~="sla"]')?.getAttribute('data-sla') ?? null;
      expect(sla('tkt_7')).to.equal('breached'); // on hold, flagged breached by the server
      expect(sla('tkt_5')).to.equal('due-soon'); // open, due in 2 h
      expect(byId('tkt_5').querySelector('[part~="sla"]')!.textContent).to.match(/Due in 2 hours/);
      expect(sla('tkt_1')).to.equal(null); // pending, due in 40 h
      expect(sla('tkt_4')).to.equal(null); // closed: no SLA
      const now = Date.now();
      const soon = ticket(1, {
        status: 'open',
        sla: {
          firstResponseDueAt: null,
          firstRespondedAt: null,
          resolutionDueAt: new Date(now + 3_600_000).toISOString(),
          breached: false,
        },
      });
      expect(slaState(soon, now, 4)).to.deep.equal({ kind: 'due-soon', dueAt: soon.sla.resolutionDueAt });
      expect(slaState(soon, now, 0.5)).to.equal(null);
      expect(slaState({ ...soon, sla: { ...soon.sla, resolutionDueAt: new Date(now - 1).toISOString() } }, now, 4)).to.deep.equal({
        kind: 'breached',
      });
    });
  });

  describe('attributes and properties', () => {
    it('.tickets: shows the given tickets in order, requests nothing, no filters or pagination', async () => {
      const given = [ticket(3), ticket(1), ticket(2)];
      const { el, api } = await mount((client) => html`<portico-ticket-list .client=${client} .tickets=${given}></portico-ticket-list>`);
      await settled(el);
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(given.map((t) => t.id));
      expect(api.calls.filter((c) => c.key === 'tickets.list')).to.have.length(0);
      expect($(el, '[part~="filters"]')).to.equal(null);
      expect($(el, '[part~="pagination"]')).to.equal(null);
      expect(el.tickets).to.equal(given);
      await expect(el).to.be.accessible(AXE);
      el.tickets = undefined; // back to the client
      await waitUntil(() => api.calls.some((c) => c.key === 'tickets.list'), 'no request after .tickets = undefined');
      await settled(el);
      expect(rows(el).length).to.equal(25);
    });

    it('.tickets after a load, then undefined: loads again (the page shown before may be stale)', async () => {
      const { el, api } = await mount();
      await settled(el);
      const before = api.calls.filter((c) => c.key === 'tickets.list').length;
      el.tickets = [ticket(7)];
      await el.updateComplete;
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal([ticket(7).id]);
      el.tickets = undefined;
      await waitUntil(() => api.calls.filter((c) => c.key === 'tickets.list').length > before, 'no request after .tickets = undefined');
      await settled(el);
      expect(rows(el).length).to.equal(25);
    });

    it('.tickets needs no client: no "not connected" error later, one render only', async () => {
      const el = await fixture<PorticoTicketList>(html`<portico-ticket-list .tickets=${[ticket(1), ticket(2)]}></portico-ticket-list>`);
      await el.updateComplete;
      let renders = 0;
      const update = el.requestUpdate.bind(el);
      el.requestUpdate = (...args: Parameters<typeof el.requestUpdate>) => {
        renders++;
        update(...args);
      };
      await aTimeout(1200);
      expect(rows(el)).to.have.length(2);
      expect($(el, '[part~="error"]')).to.equal(null);
      expect(renders).to.equal(0);
    });

    it('.tickets with a malformed ticket: the error state, never a crash', async () => {
      const broken = [ticket(1), { ...ticket(2), sla: null }] as unknown as ReturnType<typeof ticket>[];
      const el = await fixture<PorticoTicketList>(html`<portico-ticket-list .tickets=${broken}></portico-ticket-list>`);
      await el.updateComplete;
      expect($(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
      expect(rows(el)).to.have.length(0);
      await expect(el).to.be.accessible(AXE);
    });

    it('filters by status and priority attributes, reflected', async () => {
      const { el, api } = await mount(
        (c) => html`<portico-ticket-list .client=${c} status="open" priority="urgent"></portico-ticket-list>`,
      );
      await settled(el);
      expect(lastList(api).query).to.include({ status: 'open', priority: 'urgent' });
      for (const r of rows(el)) expect(r.querySelector('[part~="status"]')!.getAttribute('data-status')).to.equal('open');
      el.priority = '';
      await el.updateComplete;
      expect(el.hasAttribute('priority')).to.equal(true);
      await settled(el);
      expect(lastList(api).query.priority).to.equal(undefined);
    });

    it('asks for the organization’s tickets with scope="organization"', async () => {
      const { el, api } = await mount((c) => html`<portico-ticket-list .client=${c} scope="organization"></portico-ticket-list>`);
      await settled(el);
      expect(lastList(api).query.scope).to.equal('organization');
    });

    it('shows "no access" when a member asks for the organization scope', async () => {
      const { el, api } = await mount((c) => html`<portico-ticket-list .client=${c} scope="organization"></portico-ticket-list>`);
      api.use('tickets.list', problem(403, 'forbidden'));
      await el.refresh();
      await settled(el, 'error');
      expect($(el, '[role="alert"]')!.textContent).to.contain('You don’t have access to this.');
    });

    it('pages with cursors: next, previous, and back to page 1 on a filter change', async () => {
      const { el, api } = await mount((c) => html`<portico-ticket-list .client=${c} page-size="10"></portico-ticket-list>`);
      await settled(el);
      expect(rows(el).length).to.equal(10);
      const prev = $(el, '[part~="previous"]') as HTMLButtonElement;
      expect(prev.disabled).to.equal(true);
      const firstIds = rows(el).map((r) => r.dataset.id);
      ($(el, '[part~="next"]') as HTMLButtonElement).click();
      await aTimeout(0);
      await settled(el);
      expect(lastList(api).query.cursor).to.be.a('string');
      expect(rows(el).map((r) => r.dataset.id)).to.not.deep.equal(firstIds);
      expect($(el, '.pagination__page')!.textContent).to.equal('Page 2');
      ($(el, '[part~="previous"]') as HTMLButtonElement).click();
      await aTimeout(0);
      await settled(el);
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(firstIds);
      ($(el, '[part~="next"]') as HTMLButtonElement).click();
      await aTimeout(0);
      await settled(el);
      el.sort = 'number';
      await aTimeout(0);
      await settled(el);
      expect(lastList(api).query.cursor).to.equal(undefined);
      expect($(el, '.pagination__page')!.textContent).to.equal('Page 1');
    });

    it('url-state: opens with the filters, search, sort and page of the query string, and writes each change back (replaceState, its own prefix)', async () => {
      const start = location.href;
      const depth = history.length;
      history.replaceState(null, '', `${location.pathname}?other=1&t-status=open&t-sort=number&t-query=export`);
      try {
        const { el, api } = await mount(
          (c) => html`<portico-ticket-list .client=${c} url-state="t-" page-size="10"></portico-ticket-list>`,
        );
        await settled(el);
        expect([el.status, el.sort, el.query]).to.deep.equal(['open', 'number', 'export']);
        const lists = api.calls.filter((c) => c.key === 'tickets.list');
        expect(lists.length).to.equal(1); // the first request already has them: no load with the defaults first
        expect(lists[0]!.query).to.include({ status: 'open', sort: 'number', q: 'export' });
        const status = $(el, '[part~="status-filter"]') as HTMLSelectElement;
        status.value = 'pending';
        status.dispatchEvent(new Event('change'));
        await settled(el);
        let params = new URLSearchParams(location.search);
        expect(params.get('t-status')).to.equal('pending');
        expect(params.get('other')).to.equal('1');
        status.value = ''; // "All statuses", what the page set: no parameter
        status.dispatchEvent(new Event('change'));
        await settled(el);
        params = new URLSearchParams(location.search);
        expect(params.has('t-status')).to.equal(false);
        ($(el, '[part~="next"]') as HTMLButtonElement).click();
        await aTimeout(0);
        await settled(el);
        const cursor = lastList(api).query.cursor!;
        params = new URLSearchParams(location.search);
        expect(params.get('t-page')!.split(' ').at(-1)).to.equal(cursor);
        expect(history.length).to.equal(depth); // replaced, never pushed
        // Back to this page later: a new list on the same URL opens on page 2 with the same filters.
        const again = await mount((c) => html`<portico-ticket-list .client=${c} url-state="t-" page-size="10"></portico-ticket-list>`);
        await settled(again.el);
        expect(lastList(again.api).query).to.include({ sort: 'number', q: 'export', cursor });
        expect(again.el.status).to.equal('');
        expect($(again.el, '.pagination__page')!.textContent).to.equal('Page 2');
        ($(again.el, '[part~="previous"]') as HTMLButtonElement).click();
        await aTimeout(0);
        await settled(again.el);
        expect(lastList(again.api).query.cursor).to.equal(undefined);
      } finally {
        history.replaceState(null, '', start);
      }
    });

    it('without url-state the URL is left alone; every change fires portico-state-change for a router; restoreState ignores invalid values', async () => {
      const start = location.href;
      const { el } = await mount();
      await settled(el);
      const sort = $(el, '[part~="sort"]') as HTMLSelectElement;
      sort.value = 'number';
      setTimeout(() => sort.dispatchEvent(new Event('change')));
      const e = await oneEvent(el, 'portico-state-change');
      expect(e.detail.state).to.include({ status: '', priority: '', query: '', sort: 'number', page: '' });
      expect(e.bubbles && e.composed).to.equal(true);
      expect(location.href).to.equal(start);
      el.restoreState({ status: 'bogus', sort: 'drop table', priority: 'high' });
      expect([el.status, el.sort, el.priority]).to.deep.equal(['', 'number', 'high']);
    });

    it('changes sort and status through its selects', async () => {
      const { el, api } = await mount();
      await settled(el);
      const sort = $(el, '[part~="sort"]') as HTMLSelectElement;
      sort.value = 'number';
      sort.dispatchEvent(new Event('change'));
      await settled(el);
      expect(el.sort).to.equal('number');
      expect(lastList(api).query.sort).to.equal('number');
      const status = $(el, '[part~="status-filter"]') as HTMLSelectElement;
      status.value = 'closed';
      status.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(el.getAttribute('status')).to.equal('closed');
    });

    it('debounces the text filter into one request', async () => {
      // A window wide enough that typing four keys always falls inside it, however loaded the machine.
      const { el, api } = await mount((c) => html`<portico-ticket-list .client=${c} debounce="1500"></portico-ticket-list>`);
      await settled(el);
      const before = api.calls.length;
      const input = $(el, '[part~="search"]') as HTMLInputElement;
      input.focus();
      await sendKeys({ type: '1007' });
      await waitUntil(() => el.query === '1007', 'query not set', { timeout: 5000 });
      await settled(el);
      const requests = api.calls.slice(before).filter((c) => c.key === 'tickets.list');
      expect(requests.length).to.equal(1);
      expect(requests[0]!.query.q).to.equal('1007');
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['tkt_7']);
    });

    it('hides the filter bar with hide-filters', async () => {
      const { el } = await mount((c) => html`<portico-ticket-list .client=${c} hide-filters></portico-ticket-list>`);
      expect(!!$(el, '[part~="filters"]')).to.equal(false);
    });
  });

  describe('slots', () => {
    it('shows header and actions only when given', async () => {
      const { el } = await mount();
      expect($(el, '[part~="header"]')!.hidden).to.equal(true);
      const { el: withHeader } = await mount(
        (c) =>
          html`<portico-ticket-list .client=${c}><h2 slot="header">Support</h2><button slot="actions">New</button></portico-ticket-list>`,
      );
      await withHeader.updateComplete;
      await waitUntil(() => !$(withHeader, '[part~="header"]')!.hidden);
    });

    it('renders the empty slot', async () => {
      const { el, api } = await mount(
        (c) => html`<portico-ticket-list .client=${c}><p slot="empty">All caught up</p></portico-ticket-list>`,
      );
      api.use('tickets.list', json({ data: [], nextCursor: null }));
      await el.refresh();
      await settled(el, 'empty');
      const slot = $(el, 'slot[name="empty"]') as HTMLSlotElement;
      expect(slot.assignedElements()[0]!.textContent).to.equal('All caught up');
    });

    it('renders the error slot and keeps Retry', async () => {
      const { el, api } = await mount(
        (c) => html`<portico-ticket-list .client=${c}><p slot="error">Support is offline</p></portico-ticket-list>`,
      );
      api.use('tickets.list', problem(500, 'internal'));
      await el.refresh();
      await settled(el, 'error');
      expect(($(el, 'slot[name="error"]') as HTMLSlotElement).assignedElements()[0]!.textContent).to.equal('Support is offline');
      expect(!!$(el, '[part~="retry"]')).to.equal(true);
    });
  });

  describe('events', () => {
    it('fires portico-ticket-select (bubbling, composed) and marks the row current', async () => {
      const { el } = await mount();
      await settled(el);
      setTimeout(() => rows(el)[2]!.click());
      const event = await oneEvent(document, 'portico-ticket-select');
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      expect(event.detail.ticket.id).to.equal(rows(el)[2]!.dataset.id);
      await el.updateComplete;
      expect(el.selected).to.equal(event.detail.ticket.id);
      expect(rows(el)[2]!.getAttribute('aria-current')).to.equal('true');
    });

    it('keeps the selection when the event is canceled', async () => {
      const { el } = await mount();
      await settled(el);
      el.addEventListener('portico-ticket-select', (e) => e.preventDefault(), { once: true });
      rows(el)[1]!.click();
      await el.updateComplete;
      expect(el.selected).to.equal('');
    });

    it('fires portico-error with the error code', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('tickets.list', problem(503, 'unavailable'));
      setTimeout(() => el.refresh());
      const event = await oneEvent(el, 'portico-error');
      expect(event.detail.code).to.equal('unavailable');
    });
  });

  describe('states', () => {
    it('loading: a skeleton and a status message, accessible', async () => {
      const { el } = await mount(undefined, { delayMs: 400 });
      const status = $(el, '[part~="loading"]')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent).to.contain('Loading…');
      expect(status.querySelector('.skeleton')!.getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible(AXE);
      await settled(el);
    });

    it('empty: default text, filter-aware, accessible', async () => {
      const { el, api } = await mount();
      api.use('tickets.list', json({ data: [], nextCursor: null }));
      await el.refresh();
      await settled(el, 'empty');
      expect($(el, '[part~="empty"]')!.textContent).to.contain('No tickets yet.');
      el.status = 'closed';
      await settled(el, 'empty');
      expect($(el, '[part~="empty"]')!.textContent).to.contain('No tickets match these filters.');
      await expect(el).to.be.accessible(AXE);
    });

    it('error: an alert by code, Retry works, accessible', async () => {
      const { el, api } = await mount();
      api.use('tickets.list', problem(503, 'unavailable'));
      await el.refresh();
      await settled(el, 'error');
      const alert = $(el, '[role="alert"]')!;
      expect(alert.textContent).to.contain('The service is unavailable right now.');
      await expect(el).to.be.accessible(AXE);
      api.reset();
      ($(el, '[part~="retry"]') as HTMLButtonElement).click();
      await settled(el);
      expect(rows(el).length).to.equal(25);
    });

    it('network failure: the network message', async () => {
      const { el, api } = await mount();
      api.use('tickets.list', () => {
        throw new TypeError('Failed to fetch');
      });
      await el.refresh();
      await settled(el, 'error');
      expect($(el, '[role="alert"]')!.textContent).to.contain('Can’t reach the server.');
    });

    for (const [name, response] of [
      ['a body that is not JSON', malformedJson()],
      ['JSON that breaks the contract', malformedList()],
    ] as const) {
      it(`malformed data (${name}): an error state, never a crash or a blank`, async () => {
        const { el, api } = await mount();
        api.use('tickets.list', response);
        await el.refresh();
        await settled(el, 'error');
        expect($(el, '[role="alert"]')!.textContent).to.contain('The server sent data that couldn’t be read.');
        expect(rows(el).length).to.equal(0);
        await expect(el).to.be.accessible(AXE);
      });
    }

    it('refreshing: keeps the rows, marked busy, accessible', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.delay(300);
      const done = el.refresh();
      await el.updateComplete;
      expect($(el, '[part~="content"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(rows(el).length).to.equal(25);
      await expect(el).to.be.accessible(AXE);
      await done;
      await el.updateComplete;
      expect($(el, '[part~="content"]')!.getAttribute('aria-busy')).to.equal('false');
    });

    it('slow network: a newer filter aborts the older request, whose late answer is dropped', async () => {
      const { el, api } = await mount();
      await settled(el);
      const aborted: string[] = [];
      api.use('tickets.list', ({ query, signal }) => {
        signal?.addEventListener('abort', () => aborted.push(query.status!));
        const slow = query.status === 'open';
        return {
          ...json({ data: [ticket(slow ? 1 : 2, { status: query.status as 'open' })], nextCursor: null }),
          delayMs: slow ? 400 : 50,
        };
      });
      el.status = 'open';
      await aTimeout(20);
      el.status = 'closed';
      await settled(el);
      await aTimeout(450);
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['tkt_2']);
      expect(aborted).to.deep.equal(['open']);
    });

    it('without a client: says it is not connected', async () => {
      const el = await fixture<PorticoTicketList>(html`<portico-ticket-list></portico-ticket-list>`);
      await waitUntil(() => $(el, '[role="alert"]'), 'no error', { timeout: 3000 });
      expect($(el, '[role="alert"]')!.textContent).to.contain('Not connected to the portal.');
    });
  });

  describe('live updates', () => {
    it('refreshes on a ticket event and unsubscribes when removed', async () => {
      const { el, api } = await mount();
      await settled(el);
      await waitUntil(() => api.openStreams === 1, 'stream not opened', { timeout: 3000 });
      const before = api.calls.filter((c) => c.key === 'tickets.list').length;
      api.emit({ id: 'e1', type: 'invoice.updated', resource: { kind: 'invoice', id: 'inv_1' }, occurredAt: new Date().toISOString() });
      api.emit({ id: 'e2', type: 'ticket.updated', resource: { kind: 'ticket', id: 'tkt_1' }, occurredAt: new Date().toISOString() });
      await waitUntil(() => api.calls.filter((c) => c.key === 'tickets.list').length === before + 1, 'no refresh', { timeout: 3000 });
      el.remove();
      await waitUntil(() => api.openStreams === 0, 'stream still open', { timeout: 3000 });
    });

    it('refreshes when the server resets the stream (its event log no longer reaches back to the last event seen)', async () => {
      const { el, api } = await mount();
      await settled(el);
      await waitUntil(() => api.openStreams === 1, 'stream not opened', { timeout: 3000 });
      const before = api.calls.filter((c) => c.key === 'tickets.list').length;
      api.control({ type: 'stream.reset' }, '42');
      await waitUntil(() => api.calls.filter((c) => c.key === 'tickets.list').length === before + 1, 'no refresh', { timeout: 3000 });
    });
  });

  describe('keyboard', () => {
    it('is one tab stop; arrows, Home and End move; Enter and Space select', async () => {
      const { el } = await mount((c) => html`<portico-ticket-list .client=${c} page-size="5"></portico-ticket-list>`);
      await settled(el);
      expect(rows(el).filter((r) => r.tabIndex === 0).length).to.equal(1);
      rows(el)[0]!.focus();
      const active = () => rows(el).indexOf(el.shadowRoot!.activeElement as HTMLButtonElement);
      await sendKeys({ press: 'ArrowDown' });
      expect(active()).to.equal(1);
      await el.updateComplete;
      expect(rows(el)[1]!.tabIndex).to.equal(0);
      expect(rows(el)[0]!.tabIndex).to.equal(-1);
      await sendKeys({ press: 'End' });
      expect(active()).to.equal(4);
      await sendKeys({ press: 'ArrowDown' });
      expect(active()).to.equal(4);
      await sendKeys({ press: 'Home' });
      expect(active()).to.equal(0);
      await sendKeys({ press: 'ArrowUp' });
      expect(active()).to.equal(0);
      setTimeout(() => sendKeys({ press: 'Enter' }));
      expect((await oneEvent(el, 'portico-ticket-select')).detail.ticket.id).to.equal(rows(el)[0]!.dataset.id);
      await sendKeys({ press: 'ArrowDown' });
      setTimeout(() => sendKeys({ press: 'Space' }));
      expect((await oneEvent(el, 'portico-ticket-select')).detail.ticket.id).to.equal(rows(el)[1]!.dataset.id);
    });
  });

  describe('accessibility', () => {
    it('loaded list passes axe (WCAG 2.2 AA)', async () => {
      const { el } = await mount();
      await settled(el);
      await expect(el).to.be.accessible(AXE);
    });
  });

  describe('right-to-left', () => {
    it('renders Arabic right-to-left from an ancestor', async () => {
      const mock = createMockClient();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="ar" dir="rtl"><portico-ticket-list .client=${mock.client}></portico-ticket-list></div>`,
      );
      const el = wrapper.querySelector('portico-ticket-list')!;
      await settled(el);
      await loadLocale('ar'); // rendering in Arabic started the load; wait for it to land
      await el.updateComplete;
      const base = $(el, '[part~="base"]')!;
      expect(base.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(base).direction).to.equal('rtl');
      expect($(el, '[part~="list"]')!.getAttribute('aria-label')).to.equal('التذاكر');
      // Row content starts on the right.
      const row = rows(el)[0]!;
      const num = row.querySelector('[part~="number"]')!.getBoundingClientRect();
      expect(num.right).to.be.closeTo(row.getBoundingClientRect().right, 40);
      rows(el)[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(rows(el).indexOf(el.shadowRoot!.activeElement as HTMLButtonElement)).to.equal(1);
      await expect(el).to.be.accessible(AXE);
    });

    it('takes lang and dir from a provider', async () => {
      const mock = createMockClient();
      const provider = await fixture(
        html`<portico-provider lang="de" .client=${mock.client}><portico-ticket-list></portico-ticket-list></portico-provider>`,
      );
      const el = provider.querySelector('portico-ticket-list')!;
      await settled(el);
      await loadLocale('de');
      await el.updateComplete;
      expect(!!$(el, '[part~="retry"]')).to.equal(false);
      expect($(el, '[part~="base"]')!.getAttribute('lang')).to.equal('de');
      expect($(el, '[part~="sort"] option')!.textContent).to.equal('Zuletzt aktualisiert');
    });
  });

  describe('dark theme', () => {
    it('uses different colours with theme="dark" and stays accessible', async () => {
      const mock = createMockClient();
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <portico-ticket-list theme="light" .client=${mock.client}></portico-ticket-list>
        <portico-ticket-list theme="dark" style="background: #0d1117" .client=${mock.client}></portico-ticket-list>
      </div>`);
      const [light, dark] = [...wrapper.querySelectorAll('portico-ticket-list')] as PorticoTicketList[];
      await settled(light!);
      await settled(dark!);
      const colors = (el: PorticoTicketList) => {
        const s = getComputedStyle(rows(el)[0]!);
        return [s.color, s.backgroundColor];
      };
      expect(colors(dark!)[0]).to.not.equal(colors(light!)[0]);
      expect([colors(dark!)[1], colors(light!)[1]]).to.deep.equal(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']); // rows show the page
      await expect(dark).to.be.accessible(AXE);
    });

    it('follows the provider’s theme through context', async () => {
      const mock = createMockClient();
      const provider = await fixture(
        html`<portico-provider theme="dark" .client=${mock.client}><portico-ticket-list></portico-ticket-list></portico-provider>`,
      );
      const el = provider.querySelector('portico-ticket-list')!;
      await settled(el);
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      el.theme = 'light';
      await el.updateComplete;
      expect(getComputedStyle(el).colorScheme).to.equal('light');
    });
  });

  describe('narrow (320 px)', () => {
    it('shows cards without horizontal overflow', async () => {
      const mock = createMockClient();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px"><portico-ticket-list .client=${mock.client}></portico-ticket-list></div>`,
      );
      const el = wrapper.querySelector('portico-ticket-list')!;
      await settled(el);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      for (const r of rows(el)) expect(r.scrollWidth).to.be.at.most(r.clientWidth + 1);
      expect(getComputedStyle(rows(el)[0]!).gridTemplateColumns.split(' ')).to.have.length(1);
      await expect(el).to.be.accessible(AXE);
    });
  });
});
