import { expect } from '@open-wc/testing';
import { type PortalEvent, toWire } from '@portico/contract';
import { ticket } from '@portico/contract/fixtures';
import {
  createPorticoClient,
  PorticoApiError,
  type PorticoClientOptions,
  type PorticoStreamEvent,
  PorticoValidationError,
} from '../src/index.js';
import { fakeJwt, instantSleep, problem, scriptedFetch, sseResponse, until, wireJson } from '../src/testing/fetch.js';

const page = (n = 1) => ({ data: Array.from({ length: n }, (_, i) => ticket(i + 1)), nextCursor: null });

function make(handler: (req: Request, n: number) => Response | Promise<Response>, o: Partial<PorticoClientOptions> = {}) {
  const scripted = scriptedFetch(handler);
  const sleeper = instantSleep();
  const client = createPorticoClient({
    baseUrl: 'https://api.test',
    getToken: async () => fakeJwt(),
    fetch: scripted.fetch,
    retry: { sleep: sleeper.sleep },
    ...o,
  });
  return { client, requests: scripted.requests, delays: sleeper.delays };
}

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );

describe('@portico/client in the browser', () => {
  it('shares one in-flight token request among concurrent requests', async () => {
    let calls = 0;
    const { client } = make(() => wireJson(page()), {
      getToken: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 20));
        return fakeJwt();
      },
    });
    await Promise.all([client.tickets.list(), client.tickets.list({ q: 'a' }), client.tickets.list({ q: 'b' })]);
    expect(calls).to.equal(1);
  });

  it('refreshes the token once on a 401 and retries with the new one', async () => {
    const issued = [fakeJwt(), fakeJwt()];
    let n = 0;
    const { client, requests } = make(
      (req) => (req.headers.get('authorization') === `Bearer ${issued[0]}` ? problem(401, 'token_expired') : wireJson(page())),
      {
        getToken: async () => issued[n++]!,
      },
    );
    const result = await client.tickets.list();
    expect(result.data[0]!.id).to.equal('tkt_1');
    expect(requests.map((r) => r.headers.get('authorization'))).to.deep.equal([`Bearer ${issued[0]}`, `Bearer ${issued[1]}`]);
  });

  it('a second 401 raises PorticoApiError', async () => {
    const { client, requests } = make(() => problem(401, 'unauthorized'));
    const e = (await rejection(client.tickets.list())) as PorticoApiError;
    expect(e).to.be.instanceOf(PorticoApiError);
    expect(e.code).to.equal('unauthorized');
    expect(requests).to.have.length(2);
  });

  it('sends snake_case and raises PorticoValidationError with the endpoint and field path', async () => {
    const wire = toWire(page(4)) as { data: Array<{ sla: { breached: unknown } }> };
    wire.data[3]!.sla.breached = 'no';
    const { client, requests } = make(() => new Response(JSON.stringify(wire), { headers: { 'content-type': 'application/json' } }));
    const e = (await rejection(client.tickets.list({ sort: '-updated_at', limit: 4 }))) as PorticoValidationError;
    expect(new URL(requests[0]!.url).search).to.equal('?sort=-updated_at&limit=4');
    expect(e).to.be.instanceOf(PorticoValidationError);
    expect([e.code, e.endpoint, e.path]).to.deep.equal(['invalid_response', 'tickets.list', 'data.3.sla.breached']);
  });

  it('an HTML error page becomes a PorticoApiError with a status code', async () => {
    const { client } = make(() => new Response('<html>oops</html>', { status: 503, headers: { 'content-type': 'text/html' } }), {
      retry: { limit: 0 },
    });
    const e = (await rejection(client.tickets.list())) as PorticoApiError;
    expect([e.status, e.code, e.retryable]).to.deep.equal([503, 'unavailable', true]);
  });

  it('rethrows the caller’s AbortError unwrapped', async () => {
    const { client } = make(() => new Promise<Response>(() => {}));
    const ac = new AbortController();
    const p = client.tickets.list({ signal: ac.signal });
    await new Promise((r) => setTimeout(r, 10));
    ac.abort();
    const e = (await rejection(p)) as DOMException;
    expect(e).to.equal(ac.signal.reason);
    expect(e.name).to.equal('AbortError');
  });

  it('parses the SSE stream into validated events and reconnects with Last-Event-ID', async () => {
    const ev: PortalEvent = {
      id: 'evt_1',
      type: 'ticket.message_added',
      resource: { kind: 'ticket', id: 'tkt_1', parentId: null },
      occurredAt: '2026-10-01T09:00:00.000Z',
    };
    const frame = `id: evt_1\ndata: ${JSON.stringify(toWire(ev))}\n\n`;
    const { client, requests } = make((_req, n) =>
      n === 0 ? sseResponse([frame.slice(0, 10), frame.slice(10), 'data: {"bad": true}\n\n']) : sseResponse([], { end: false }),
    );
    const got: PorticoStreamEvent[] = [];
    const off = client.subscribe((e) => got.push(e));
    await until(() => got.length === 2);
    off();
    expect(got).to.deep.equal([ev, { type: 'stream.reconnected', reason: 'dropped' }]);
    expect(requests[0]!.headers.get('accept')).to.equal('text/event-stream');
    expect(requests[1]!.headers.get('last-event-id')).to.equal('evt_1');
  });

  it('keeps the tokens it was given out of localStorage, sessionStorage, cookies, IndexedDB, Cache Storage, history and window.name', async () => {
    // Tokens only getToken can produce (each payload is unique): the client holds one from the
    // first request, swaps it after a 401, and opens the event stream with the second one.
    const issued: string[] = [];
    const { client, requests } = make(
      (req) => {
        if (req.url.endsWith('/events')) return sseResponse([], { end: false });
        return req.headers.get('authorization') === `Bearer ${issued[0]}` ? problem(401, 'token_expired') : wireJson(page());
      },
      {
        getToken: async () => {
          const t = fakeJwt(3600, `ct_${crypto.randomUUID()}`);
          issued.push(t);
          return t;
        },
      },
    );
    await client.tickets.list();
    const off = client.subscribe(() => {});
    await until(() => requests.some((r) => r.url.endsWith('/events')));
    await new Promise((r) => setTimeout(r, 20));
    off();
    // The client really held both tokens: it sent them (else an empty storage would prove nothing).
    expect(issued).to.have.length(2);
    expect(requests.map((r) => r.headers.get('authorization'))).to.include.members(issued.map((t) => `Bearer ${t}`));

    // Time for an asynchronous write (IndexedDB, Cache Storage) to land before looking.
    await new Promise((r) => setTimeout(r, 200));
    // The payload segment: unique per token, so a token stored whole or cut up is found.
    const secrets = issued.map((t) => t.split('.')[1]!);
    expect(await storedAnywhere(secrets)).to.deep.equal([]);
  });

  it('the storage search finds a token planted in each place it looks (so an empty result above means something)', async () => {
    const secret = `planted-${crypto.randomUUID()}`;
    const places = ['localStorage', 'sessionStorage', 'cookie', 'indexedDB', 'caches', 'history.state', 'window.name'];
    const undo = await plant(secret);
    try {
      expect((await storedAnywhere([secret])).sort()).to.deep.equal([...places].sort());
    } finally {
      await undo();
    }
    expect(await storedAnywhere([secret])).to.deep.equal([]);
  });
});

describe('upload progress in Chromium (XMLHttpRequest, a real HTTP upload to the test server)', () => {
  const received = async () =>
    (await (await fetch('/__upload/received')).json()) as Array<{ size: number; key: string; auth: string; type: string }>;
  const big = () => new File([new Uint8Array(4_000_000).fill(7)], 'big.bin', { type: 'application/zip' });
  const upload = (getToken: PorticoClientOptions['getToken'], input: { idempotencyKey?: string; signal?: AbortSignal } = {}) => {
    const events: Array<{ loaded: number; total: number }> = [];
    const client = createPorticoClient({ baseUrl: `${location.origin}/__upload`, getToken, retry: { baseDelayMs: 1 } });
    const result = client.attachments.upload({ file: big(), onUploadProgress: (p) => events.push(p), ...input });
    return { events, result };
  };

  beforeEach(() => received());

  it('reports the bytes sent, up to the whole body, which the server receives', async () => {
    const { events, result } = upload(async () => 'good');
    expect((await result).id).to.equal('att_1');
    const [req] = await received();
    expect(req!.type).to.match(/^multipart\/form-data; boundary=/);
    expect(req!.size).to.be.greaterThan(4_000_000);
    expect(events.length).to.be.greaterThan(0);
    for (let i = 1; i < events.length; i++) expect(events[i]!.loaded).to.be.at.least(events[i - 1]!.loaded);
    expect(events.at(-1)).to.deep.equal({ loaded: req!.size, total: req!.size });
  });

  it('refreshes the token on 401 and keeps the idempotency key across the client’s retries', async () => {
    const tokens = ['expired', 'good'];
    let n = 0;
    const { result } = upload(async () => tokens[Math.min(n++, 1)]!, { idempotencyKey: 'fail-once' });
    await result;
    const reqs = await received();
    expect(reqs.map((r) => r.auth)).to.deep.equal(['Bearer expired', 'Bearer good', 'Bearer good']);
    expect(reqs.map((r) => r.key)).to.deep.equal(['fail-once', 'fail-once', 'fail-once']);
  });

  it('aborting while the body is on its way rejects with the caller’s AbortError', async () => {
    const ac = new AbortController();
    const client = createPorticoClient({ baseUrl: `${location.origin}/__upload`, getToken: async () => 'good' });
    const result = client.attachments.upload({ file: big(), signal: ac.signal, onUploadProgress: () => ac.abort() });
    const e = await rejection(result);
    expect((e as Error).name).to.equal('AbortError');
  });
});
/** Where the browser could keep something across a reload, and which of `secrets` it holds: the places found. */
async function storedAnywhere(secrets: string[]): Promise<string[]> {
  const found = new Set<string>();
  const check = (place: string, text: string | null | undefined) => {
    if (text && secrets.some((s) => text.includes(s))) found.add(place);
  };
  for (const [place, store] of [
    ['localStorage', localStorage],
    ['sessionStorage', sessionStorage],
  ] as const) {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i)!;
      check(place, key);
      check(place, store.getItem(key));
    }
  }
  check('cookie', document.cookie);
  for (const info of await indexedDB.databases()) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(info.name!);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    for (const name of db.objectStoreNames) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const get = db.transaction(name, 'readonly').objectStore(name).getAll();
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => reject(get.error);
      });
      check('indexedDB', JSON.stringify(all));
    }
    db.close();
  }
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const req of await cache.keys()) {
      check('caches', req.url);
      check('caches', JSON.stringify([...req.headers]));
      check('caches', await (await cache.match(req))?.text());
    }
  }
  check('history.state', JSON.stringify(history.state));
  check('window.name', window.name);
  return [...found];
}

/** Writes `secret` into every place `storedAnywhere` searches; resolves to a function that removes it. */
async function plant(secret: string): Promise<() => Promise<void>> {
  localStorage.setItem('planted', secret);
  sessionStorage.setItem(secret, '1');
  // biome-ignore lint/suspicious/noDocumentCookie: planting where a careless client would write
  document.cookie = `planted=${secret}; path=/`;
  const dbName = `planted-${secret}`;
  await new Promise<void>((resolve, reject) => {
    const open = indexedDB.open(dbName, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('s', { autoIncrement: true });
    open.onsuccess = () => {
      const tx = open.result.transaction('s', 'readwrite');
      tx.objectStore('s').add({ token: secret });
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
  const cache = await caches.open('planted');
  await cache.put(new Request('/planted', { headers: { authorization: `Bearer ${secret}` } }), new Response('x'));
  const state = history.state;
  history.replaceState({ token: secret }, '');
  const name = window.name;
  window.name = secret;
  return async () => {
    localStorage.removeItem('planted');
    sessionStorage.removeItem(secret);
    // biome-ignore lint/suspicious/noDocumentCookie: removing the planted cookie
    document.cookie = 'planted=; path=/; max-age=0';
    await new Promise((r) => {
      const del = indexedDB.deleteDatabase(dbName);
      del.onsuccess = del.onerror = del.onblocked = r;
    });
    await caches.delete('planted');
    history.replaceState(state, '');
    window.name = name;
  };
}
