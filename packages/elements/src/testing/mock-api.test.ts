import { expect } from '@open-wc/testing';
import { PorticoApiError, PorticoValidationError } from '@portico/client';
import { createMockClient, json, malformedJson, problem } from './mock-api.js';

describe('mock API', () => {
  it('answers the contract’s endpoints with valid fixtures through the real client', async () => {
    const { client } = createMockClient();
    const page = await client.tickets.list({ status: 'open', limit: 3 });
    expect(page.data.length).to.equal(3);
    expect(page.data.every((t) => t.status === 'open')).to.equal(true);
    const next = await client.tickets.list({ status: 'open', limit: 3, cursor: page.nextCursor! });
    expect(next.data[0]!.id).to.not.equal(page.data[0]!.id);
    expect((await client.me.get()).organization.id).to.equal('org_acme');
    expect((await client.tickets.get({ id: 'tkt_3' })).number).to.equal(1003);
    expect((await client.articles.search({ q: 'export' })).data.length).to.be.greaterThan(0);
    expect((await client.articles.get({ slug: 'exporting-reports-2' })).slug).to.equal('exporting-reports-2');
    expect((await client.invoices.list()).data.length).to.equal(12);
    expect((await client.deliverables.list({ projectId: 'prj_1' })).data.length).to.equal(4);
    expect((await client.notifications.list({ unread: 'true' })).data.every((n) => n.readAt === null)).to.equal(true);
  });

  it('takes per-test overrides: problems, malformed bodies, delays; reset restores', async () => {
    const { client, api } = createMockClient();
    api.use('tickets.get', problem(404, 'not_found'));
    const err = await client.tickets.get({ id: 'tkt_1' }).catch((e) => e);
    expect(err).to.be.instanceOf(PorticoApiError);
    expect(err.code).to.equal('not_found');
    api.use('tickets.list', malformedJson());
    expect(await client.tickets.list().catch((e) => e)).to.be.instanceOf(PorticoValidationError);
    api.use('tickets.list', { ...json({ data: [], nextCursor: null }), delayMs: 100 });
    const ac = new AbortController();
    const pending = client.tickets.list({ signal: ac.signal }).catch((e) => e);
    ac.abort();
    expect((await pending).name).to.equal('AbortError');
    api.reset();
    expect((await client.tickets.list()).data.length).to.equal(25);
    expect(() => api.use('nope.nothing', json({}))).to.throw();
  });
});
