import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ticketMessage } from '@portico/contract/fixtures';
import { html as litHtml } from 'lit';
import { PorticoElement } from '../base/portico-element.js';
import { createMockClient, json, problem } from '../testing/mock-api.js';
import { MutationController } from './mutation-controller.js';
import { renderFailure } from './render-mutation.js';

interface Reply {
  ticketId: string;
  body: string;
  attachmentIds: string[];
}

/** A bare host: one reply mutation, an optimistic list of bodies, the shared failure renderer. */
class MutationHost extends PorticoElement {
  shown: string[] = [];
  readonly reply = new MutationController(this, {
    send: (client, { ticketId: id, body, attachmentIds }: Reply, { key, signal }) =>
      client.tickets.reply({ id, body, attachmentIds, idempotencyKey: key, signal }),
    request: (input) => ['portico-reply-request', input],
    optimistic: ({ body }) => {
      this.shown = [...this.shown, body];
      return () => (this.shown = this.shown.filter((b) => b !== body));
    },
    success: (message) => ['portico-reply', { message }],
    reportErrors: true,
  });
  protected override render() {
    return litHtml`${renderFailure(this, this.reply, { part: 'failure', retry: 'retry' })}`;
  }
}
customElements.define('test-mutation-host', MutationHost);

async function mount() {
  const mock = createMockClient();
  const el = await fixture<MutationHost>(html`<test-mutation-host .client=${mock.client}></test-mutation-host>`);
  const keys: Array<string | null> = [];
  return { ...mock, el, keys };
}
const input = (body: string, extra: Partial<Reply> = {}): Reply => ({ ticketId: 'tkt_1', body, attachmentIds: [], ...extra });

describe('MutationController', () => {
  it('one key per intent: kept on retry, renewed when any input changes (whatever the key order), new after a success', async () => {
    const { el, api, keys } = await mount();
    let fail = true;
    api.use('tickets.reply', ({ headers, body }) => {
      keys.push(headers.get('idempotency-key'));
      return fail ? problem(503, 'unavailable') : json(ticketMessage(1, { body: (body as { body: string }).body }), 201);
    });
    await el.reply.run(input('a'));
    await el.reply.retry();
    await el.reply.run({ body: 'a', attachmentIds: [], ticketId: 'tkt_1' }); // same input, other key order
    await el.reply.run(input('a', { attachmentIds: ['att_1'] }));
    await el.reply.run(input('a', { ticketId: 'tkt_2' }));
    fail = false;
    await el.reply.run(input('a', { ticketId: 'tkt_2' }));
    await el.reply.run(input('a', { ticketId: 'tkt_2' })); // after a success: a new write
    expect(keys).to.have.length(7);
    expect(new Set(keys.slice(0, 3)).size).to.equal(1);
    expect(keys[3]).to.not.equal(keys[0]);
    expect(keys[4]).to.not.equal(keys[3]);
    expect(keys[5]).to.equal(keys[4]);
    expect(keys[6]).to.not.equal(keys[5]);
  });

  it('no double submit: a run while one is pending sends nothing', async () => {
    const { el, api } = await mount();
    api.use('tickets.reply', () => ({ ...json(ticketMessage(1), 201), delayMs: 100 }));
    const first = el.reply.run(input('a'));
    expect(el.reply.pending).to.equal(true);
    expect(await el.reply.run(input('b'))).to.equal(undefined);
    await first;
    expect(api.calls.filter((c) => c.key === 'tickets.reply')).to.have.length(1);
  });

  it('the request event can cancel; the success event follows the write', async () => {
    const { el, api } = await mount();
    const seen: string[] = [];
    el.addEventListener('portico-reply-request', (e) => {
      seen.push(`request:${e.detail.body}`);
      if (e.detail.body === 'no') e.preventDefault();
    });
    el.addEventListener('portico-reply', () => seen.push('reply'));
    expect(await el.reply.run(input('no'))).to.equal(undefined);
    expect(api.calls.filter((c) => c.key === 'tickets.reply')).to.have.length(0);
    await el.reply.run(input('yes'));
    expect(seen).to.deep.equal(['request:no', 'request:yes', 'reply']);
    expect(el.reply.status).to.equal('success');
  });

  it('shows the optimistic change at once and takes it back on failure; the failure renders with Retry and fires portico-error', async () => {
    const { el, api } = await mount();
    api.use('tickets.reply', () => ({ ...problem(503, 'unavailable'), delayMs: 50 }));
    const errors: string[] = [];
    el.addEventListener('portico-error', (e) => errors.push(e.detail.code));
    const run = el.reply.run(input('optimistic'));
    expect(el.shown).to.deep.equal(['optimistic']);
    await run;
    expect(el.shown).to.deep.equal([]);
    expect(el.reply.status).to.equal('error');
    expect(errors).to.deep.equal(['unavailable']);
    await el.updateComplete;
    const failure = el.shadowRoot!.querySelector('[part~="failure"]')!;
    expect(failure.getAttribute('role')).to.equal('alert');
    expect(failure.textContent).to.contain('The service is unavailable right now.');
    api.use('tickets.reply', json(ticketMessage(1), 201));
    (el.shadowRoot!.querySelector('[part~="retry"]') as HTMLButtonElement).click();
    await waitUntil(() => el.reply.status === 'success', 'retry did not send');
    expect(el.shown).to.deep.equal(['optimistic']);
  });

  it('aborts the write when the element leaves the page (the client gets the signal), undoing the optimistic change', async () => {
    const { el, api } = await mount();
    let aborted = false;
    api.use('tickets.reply', ({ signal }) => {
      signal?.addEventListener('abort', () => (aborted = true));
      return { ...json(ticketMessage(1), 201), delayMs: 500 };
    });
    const run = el.reply.run(input('leaving'));
    await aTimeout(20);
    el.remove();
    expect(await run).to.equal(undefined);
    expect(aborted).to.equal(true);
    expect(el.reply.status).to.equal('idle');
    expect(el.shown).to.deep.equal([]);
  });

  it('without a client the write fails with no_client (not connected)', async () => {
    const el = await fixture<MutationHost>(html`<test-mutation-host></test-mutation-host>`);
    await el.reply.run(input('x'));
    expect(el.reply.status).to.equal('error');
    expect((el.reply.error as { code: string }).code).to.equal('no_client');
  });
});
