import { fileURLToPath } from 'node:url';
import { endpoints } from '@portico/contract';
import { invoices } from '@portico/contract/endpoints/invoices';
import { tickets } from '@portico/contract/endpoints/tickets';
import * as fixtures from '@portico/contract/fixtures';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  createClientFor,
  createPorticoClient,
  type EndpointTable,
  endpointRegistry,
  PorticoError,
  registerEndpoints,
} from '../src/index.js';
import { fakeJwt, scriptedFetch, wireJson } from '../src/testing/fetch.js';

const options = (fetch: typeof globalThis.fetch) => ({ baseUrl: 'https://api.test', getToken: async () => fakeJwt(), fetch });
const page = { data: [fixtures.ticket(1)], nextCursor: null };

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
};

describe('createClientFor', () => {
  it('calls the endpoints of the table it is given', async () => {
    const scripted = scriptedFetch(() => wireJson(page));
    const client = createClientFor({ tickets }, options(scripted.fetch));
    expect(await client.tickets.list({ status: 'open' })).toEqual(page);
    expect(scripted.requests[0]!.url).toBe('https://api.test/portal/v1/tickets?status=open');
  });

  it('sees groups added to its table after it was created (a live table)', async () => {
    const scripted = scriptedFetch(() => wireJson(page));
    const table: Record<string, EndpointTable[string]> = {};
    const client = createClientFor(table, options(scripted.fetch));
    expect(thrown(() => client.tickets)).toBeInstanceOf(PorticoError);
    table.tickets = tickets;
    expect(await client.tickets.list()).toEqual(page);
    expect(client.tickets).toBe(client.tickets); // built once
  });

  it('throws unknown_endpoint, naming the group and the fix, for a group that is not in its table', () => {
    const client = createClientFor({ tickets }, options(scriptedFetch(() => wireJson(page)).fetch));
    const error = thrown(() => client.invoices.list()) as PorticoError;
    expect(error).toBeInstanceOf(PorticoError);
    expect(error.code).toBe('unknown_endpoint');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('"invoices"');
    expect(error.message).toContain("'@portico/contract/validators/invoices'");
    expect(error.message).toContain('createPorticoClient');
  });

  it('createPorticoClient has every JSON group of the contract, as own enumerable properties', () => {
    const client = createPorticoClient(options(scriptedFetch(() => wireJson(page)).fetch));
    const groups = Object.keys(endpoints).filter((g) =>
      Object.values(endpoints[g as keyof typeof endpoints]).some((d) => typeof d.response === 'object'),
    );
    expect(groups).toHaveLength(15); // + knowledgeBase (issue 17), profile and billing (issue 13), documentRequests and messages (issue 14)
    for (const g of groups) expect(Object.keys(client)).toContain(g);
    expect(Object.keys(client)).not.toContain('files');
    expect(Object.keys(client)).not.toContain('events');
    expect(Object.keys(client.articles).sort()).toEqual(['categories', 'get', 'list', 'search', 'vote']);
  });
});

describe('endpointRegistry', () => {
  it('a client made before registerEndpoints sees the groups registered later', async () => {
    const scripted = scriptedFetch((req) => wireJson(req.url.includes('/invoices/') ? fixtures.invoice(1) : page));
    const client = createClientFor(endpointRegistry, options(scripted.fetch));
    expect((thrown(() => client.invoices) as PorticoError).code).toBe('unknown_endpoint');
    registerEndpoints({ tickets });
    expect(await client.tickets.list()).toEqual(page);
    expect((thrown(() => client.invoices.get({ id: 'inv_1' })) as PorticoError).code).toBe('unknown_endpoint');
    registerEndpoints({ invoices });
    expect((await client.invoices.get({ id: 'inv_1' })).id).toBe(fixtures.invoice(1).id);
    expect(endpointRegistry.tickets).toBe(tickets);
  });
});

describe('bundle of createClientFor', () => {
  const dir = fileURLToPath(new URL('..', import.meta.url));
  const bundle = async (contents: string) => {
    const r = await build({
      stdin: { contents, resolveDir: dir, loader: 'ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      minify: true,
      metafile: true,
      conditions: ['source'],
      logLevel: 'silent',
    });
    // The files that put code in the output (metafile.inputs also lists files read, then shaken off).
    const inputs = Object.values(r.metafile.outputs)
      .flatMap((o) => Object.entries(o.inputs))
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([p]) => p.replace(/\\/g, '/'));
    return { inputs, has: (file: string) => inputs.some((p) => p.endsWith(file)), text: r.outputFiles[0]!.text };
  };
  const schema = (name: string) => `contract/src/schemas/${name}.ts`;

  it('holds no endpoint schema when nothing is registered', async () => {
    const b = await bundle("export { createClientFor, endpointRegistry } from './src/index.ts';");
    expect(b.has('src/core.ts')).toBe(true);
    expect(b.has('contract/src/endpoints/define.ts')).toBe(true);
    expect(b.has('contract/src/endpoints.ts')).toBe(false);
    for (const name of ['ticket', 'invoice', 'article', 'deliverable', 'project', 'comment', 'approval', 'account', 'attachment']) {
      expect(b.has(schema(name)), name).toBe(false);
    }
    expect(b.inputs.filter((p) => p.includes('contract/src/endpoints/'))).toHaveLength(1);
    expect(b.text).not.toContain('unitAmount'); // a key of InvoiceLine, the invoice `lines`
  });

  it('holds the validators of the registered groups only, and no zod', async () => {
    const b = await bundle(
      "import { registerEndpoints } from './src/index.ts';\n" +
        "import { tickets } from '@portico/contract/validators/tickets';\n" +
        'registerEndpoints({ tickets });\n' +
        "export { createClientFor, endpointRegistry } from './src/index.ts';",
    );
    expect(b.has('contract/src/validators/endpoints/tickets.ts')).toBe(true);
    expect(b.has('contract/src/validators/endpoints/invoices.ts')).toBe(false);
    expect(b.inputs.some((p) => p.includes('/zod/'))).toBe(false);
    expect(b.text).toContain('messageCount'); // a key of Ticket
    expect(b.text).not.toContain('unitAmount'); // a key of InvoiceLine: the invoice validators are shaken off
    expect(b.text).not.toContain('helpfulCount'); // a key of Article
  });

  it("the zod table works too, and then brings zod and only its groups' schemas", async () => {
    const b = await bundle(
      "import { registerEndpoints } from './src/index.ts';\n" +
        "import { tickets } from '@portico/contract/endpoints/tickets';\n" +
        'registerEndpoints({ tickets });\n' +
        "export { createClientFor, endpointRegistry } from './src/index.ts';",
    );
    expect(b.has(schema('ticket'))).toBe(true);
    expect(b.has(schema('invoice'))).toBe(false);
    expect(b.text).not.toContain('unitAmount');
  });

  it('createPorticoClient holds the whole table, as zod-free validators (the checks above can fail)', async () => {
    const b = await bundle("export { createPorticoClient } from './src/index.ts';");
    expect(b.has('contract/src/validators/index.ts')).toBe(true);
    expect(b.has('contract/src/validators/endpoints/invoices.ts')).toBe(true);
    expect(b.inputs.some((p) => p.includes('/zod/'))).toBe(false);
    expect(b.text).toContain('unitAmount');
  });

  it('token() hands out the cached token, and a fresh one when given the stale one (for resumable uploads)', async () => {
    let n = 0;
    const client = createPorticoClient({
      baseUrl: 'https://api.test',
      getToken: async () => fakeJwt(3600, `s${++n}`),
      fetch: scriptedFetch(() => wireJson(page)).fetch,
    });
    const first = await client.token();
    expect(await client.token()).toBe(first);
    const fresh = await client.token(first);
    expect(fresh).not.toBe(first);
    expect(n).toBe(2);
  });
});
