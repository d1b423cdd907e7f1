import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { PorticoError } from '@portico/client';
import { createMockApi, createMockClient } from '../../testing/mock-api.js';
import '../ticket-list/ticket-list.js';
import type { PorticoTicketList } from '../ticket-list/ticket-list.component.js';
import type { PorticoProvider } from './provider.component.js';
import './provider.js';

const loaded = (el: PorticoTicketList) =>
  waitUntil(() => el.shadowRoot!.querySelector('[part~="content"]'), 'not loaded', { timeout: 4000 });

describe('<portico-provider>', () => {
  it('builds one client from base-url and getToken and shares it', async () => {
    const api = createMockApi();
    let tokens = 0;
    const getToken = async () => {
      tokens++;
      return { token: 't', expiresAt: Date.now() + 3_600_000 };
    };
    const provider = await fixture<PorticoProvider>(html`<portico-provider
      base-url="https://portal.test"
      .getToken=${getToken}
      .clientOptions=${{ fetch: api.fetch, retry: { limit: 0 } }}
    >
      <portico-ticket-list></portico-ticket-list>
      <portico-ticket-list status="open"></portico-ticket-list>
    </portico-provider>`);
    const [a, b] = [...provider.querySelectorAll('portico-ticket-list')];
    await loaded(a!);
    await loaded(b!);
    expect(a!.effectiveClient).to.equal(b!.effectiveClient);
    expect(a!.effectiveClient).to.equal(provider.effectiveClient);
    expect(tokens).to.equal(1);
    expect(getComputedStyle(provider).display).to.equal('contents');
  });

  it('builds a lean client: the endpoint groups the loaded components registered, an error for the others', async () => {
    const api = createMockApi();
    const provider = await fixture<PorticoProvider>(html`<portico-provider
      base-url="https://portal.test"
      .getToken=${async () => 't'}
      .clientOptions=${{ fetch: api.fetch, retry: { limit: 0 } }}
    ></portico-provider>`);
    const client = provider.effectiveClient!;
    expect((await client.tickets.list()).data.length).to.be.greaterThan(0); // registered by ticket-list
    let error: unknown;
    try {
      client.notifications.list(); // no component registers notifications
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(PorticoError);
    expect((error as PorticoError).code).to.equal('unknown_endpoint');
    expect((error as PorticoError).message).to.contain('notifications');
  });

  it('a component’s own .client wins over the provider’s', async () => {
    const outer = createMockClient();
    const own = createMockClient();
    const provider = await fixture(
      html`<portico-provider .client=${outer.client}><portico-ticket-list .client=${own.client}></portico-ticket-list></portico-provider>`,
    );
    const el = provider.querySelector('portico-ticket-list')!;
    await loaded(el);
    expect(el.effectiveClient).to.equal(own.client);
    expect(own.api.calls.some((c) => c.key === 'tickets.list')).to.equal(true);
    expect(outer.api.calls.some((c) => c.key === 'tickets.list')).to.equal(false);
  });

  it('reaches components upgraded before it, and follows a client change', async () => {
    const first = createMockClient();
    const second = createMockClient();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = '<portico-provider-late><portico-ticket-list></portico-ticket-list></portico-provider-late>';
    await aTimeout(0);
    const { PorticoProvider } = await import('./provider.component.js');
    class LateProvider extends PorticoProvider {}
    LateProvider.define('portico-provider-late');
    const provider = host.querySelector('portico-provider-late') as PorticoProvider;
    provider.client = first.client;
    const el = host.querySelector('portico-ticket-list')!;
    await loaded(el);
    expect(el.effectiveClient).to.equal(first.client);
    provider.client = second.client;
    await waitUntil(() => second.api.calls.some((c) => c.key === 'tickets.list'), 'second client unused', { timeout: 3000 });
  });

  it('provides theme and locale', async () => {
    const { client } = createMockClient();
    const provider = await fixture<PorticoProvider>(
      html`<portico-provider .client=${client} theme="dark" lang="ar"><portico-ticket-list></portico-ticket-list></portico-provider>`,
    );
    const el = provider.querySelector('portico-ticket-list')!;
    await loaded(el);
    expect(el.locale).to.deep.equal({ lang: 'ar', dir: 'rtl' });
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    provider.theme = 'light';
    await provider.updateComplete;
    await el.updateComplete;
    expect(getComputedStyle(el).colorScheme).to.equal('light');
  });

  it('nested providers: the inner one inherits what it does not set and its own values win below it', async () => {
    const { client } = createMockClient();
    const outer = await fixture<PorticoProvider>(
      html`<portico-provider .client=${client} theme="dark" lang="de"
        ><portico-provider lang="ar"><portico-ticket-list></portico-ticket-list></portico-provider
        ><portico-ticket-list id="outer-list"></portico-ticket-list
      ></portico-provider>`,
    );
    const inner = outer.querySelector('portico-provider')!;
    const list = inner.querySelector('portico-ticket-list')!;
    const outerList = outer.querySelector<PorticoTicketList>('#outer-list')!;
    await loaded(list);
    expect(list.effectiveClient).to.equal(client);
    expect(list.locale).to.deep.equal({ lang: 'ar', dir: 'rtl' });
    expect(outerList.locale.lang).to.equal('de');
    expect(getComputedStyle(list).colorScheme).to.equal('dark');
    outer.theme = 'light';
    await waitUntil(() => getComputedStyle(list).colorScheme === 'light', 'the inner provider did not pass the outer theme change on', {
      timeout: 3000,
    });
  });

  it('a provider upgraded between a component and its provider takes the component over; moved out, the component returns to the outer one', async () => {
    const first = createMockClient();
    const second = createMockClient();
    const outer = await fixture<PorticoProvider>(
      html`<portico-provider .client=${first.client}
        ><portico-provider-between><portico-ticket-list></portico-ticket-list></portico-provider-between
      ></portico-provider>`,
    );
    const between = outer.querySelector('portico-provider-between') as PorticoProvider;
    const list = outer.querySelector<PorticoTicketList>('portico-ticket-list')!;
    await loaded(list);
    expect(list.effectiveClient).to.equal(first.client);
    // Defined now: when it connects, the outer provider hands the list over to it.
    (between as unknown as { client: unknown }).client = second.client;
    const { PorticoProvider: Provider } = await import('./provider.component.js');
    class Between extends Provider {}
    Between.define('portico-provider-between');
    await waitUntil(() => list.effectiveClient === second.client, 'the list kept the outer client', { timeout: 3000 });
    // The outer provider no longer updates it.
    const third = createMockClient();
    outer.client = third.client;
    await outer.updateComplete;
    await aTimeout(10);
    expect(list.effectiveClient).to.equal(second.client);
    // Moved out of the inner provider, it asks anew and the outer provider answers.
    outer.append(list);
    await waitUntil(() => list.effectiveClient === third.client, 'the list did not return to the outer provider', { timeout: 3000 });
  });
});
