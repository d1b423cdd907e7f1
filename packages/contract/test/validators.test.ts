// The zod-free validators (src/validators) against the zod schemas they are generated from: the
// committed files are what the generator writes, and on every schema of the contract both accept
// and reject the same values and produce the same output.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zocker } from 'zocker';
import { endpoints as zodEndpoints } from '../src/endpoints.js';
import * as zodSchemas from '../src/index.js';
import { generateValidators, loadContract } from '../src/validators/generate.js';
import * as lean from '../src/validators/index.js';

type Parser = {
  safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: Array<{ path: PropertyKey[]; code: string }> } };
};
interface ZockerLike {
  supply(schema: unknown, generator: () => unknown): ZockerLike;
  setSeed(seed: number): ZockerLike;
  generate(): unknown;
}

describe('validators: generated files', () => {
  it('are what src/validators/generate.ts writes from the zod schemas (run `pnpm --filter @portico/contract validators` when this fails)', async () => {
    for (const [file, content] of await generateValidators()) {
      expect(readFileSync(new URL(`../src/validators/${file}`, import.meta.url), 'utf8'), file).toBe(content);
    }
  }, 60_000);
});

/** Every (name, zod schema, validator) pair: the named schemas and each endpoint's params/query/body/response. */
async function pairs(): Promise<Array<[string, Parser, Parser]>> {
  const out: Array<[string, Parser, Parser]> = [];
  const { groupModules } = await loadContract();
  const named: Record<string, unknown> = { ...zodSchemas };
  for (const [, mod] of groupModules) Object.assign(named, mod);
  for (const [name, validator] of Object.entries(lean)) {
    if (name === 'endpoints') continue;
    const zod = named[name];
    if (!zod) throw new Error(`no zod schema named ${name}`);
    out.push([name, zod as Parser, validator as Parser]);
  }
  for (const [group, table] of Object.entries(zodEndpoints)) {
    for (const [name, def] of Object.entries(table as Record<string, Record<string, unknown>>)) {
      const leanDef = (lean.endpoints as unknown as Record<string, Record<string, Record<string, unknown>>>)[group]![name]!;
      for (const key of ['params', 'query', 'body', 'response', 'events']) {
        const z = def[key];
        if (typeof z !== 'object' || !z) continue;
        out.push([`${group}.${name}.${key}`, z as Parser, leanDef[key] as Parser]);
      }
      // Everything that is not a schema is copied as it is.
      for (const [key, value] of Object.entries(def))
        if (typeof value !== 'object' || Array.isArray(value)) expect(leanDef[key], `${group}.${name}.${key}`).toEqual(value);
    }
  }
  return out;
}
const all = await pairs();

const generator = (schema: unknown) => {
  let g = (zocker as unknown as (s: unknown) => ZockerLike)(schema)
    .supply(zodSchemas.SafeUrl, () => 'https://files.example.test/f/1')
    .supply(zodSchemas.Link, () => 'https://files.example.test/f/2');
  const upload = (zodSchemas as unknown as { AttachmentUpload?: { shape: { file: unknown } } }).AttachmentUpload;
  if (upload) g = g.supply(upload.shape.file, () => new File(['x'], 'x.txt', { type: 'text/plain' }));
  // A document request's files, fixed: generated ones (a regex-checked checksum each, three arrays deep) take seconds a page.
  const docFile = (zodSchemas as unknown as { DocumentFile?: unknown }).DocumentFile;
  if (docFile)
    g = g.supply(docFile, () => ({
      id: 'drf_1',
      fileName: 'a.pdf',
      mediaType: 'application/pdf',
      size: 1,
      checksum: 'a'.repeat(64),
      uploadedBy: { id: 'con_1', name: 'A' },
      createdAt: '2026-01-01T00:00:00.000Z',
      downloadUrl: null,
    }));
  return g;
};
const canGenerate = (schema: unknown) => {
  try {
    generator(schema).setSeed(1).generate();
    return true;
  } catch {
    return false;
  }
};

/**
 * The outcome to compare: success and output, or the places (paths) with issues. Codes may differ
 * where zod reports a second issue on a value already of the wrong type (a length on an array
 * given for a string) or calls an unsafe integer too big rather than no integer.
 */
const outcome = (p: Parser, value: unknown) => {
  const r = p.safeParse(value);
  if (r.success) return { success: true, data: r.data };
  return { success: false, issues: [...new Set(r.error!.issues.map((i) => i.path.join('.')))].sort() };
};

describe('validators: same answers as zod', () => {
  it('cover every named schema and every endpoint schema', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  for (const [name, zod, v] of all) {
    it(`${name}: zocker-generated valid values give the same output`, () => {
      if (!canGenerate(zod)) return; // only the file upload, covered below
      const gen = generator(zod);
      let accepted = 0;
      for (let seed = 1; seed <= 25; seed++) {
        const value = gen.setSeed(seed).generate();
        const expected = outcome(zod, value);
        // zocker does not know refinements (a change request needs a comment): zod may reject a sample.
        if (expected.success) accepted++;
        expect(outcome(v, value), `${name} seed ${seed}`).toStrictEqual(expected);
      }
      expect(accepted).toBeGreaterThan(5);
    });

    it(`${name}: mutated and arbitrary values are accepted or rejected alike, with the same issues`, () => {
      const samples = canGenerate(zod) ? [1, 2, 3].map((s) => generator(zod).setSeed(s).generate()) : [{}];
      fc.assert(
        fc.property(
          fc.constantFrom(...samples),
          fc.array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.nat(3))),
          fc.jsonValue(),
          (sample, edits, any) => {
            const value = mutate(structuredClone(sample), edits);
            expect(outcome(v, value)).toStrictEqual(outcome(zod, value));
            expect(outcome(v, any)).toStrictEqual(outcome(zod, any));
          },
        ),
        { numRuns: 60, seed: 42 },
      );
    });
  }

  it('file uploads: a File passes, anything else fails, as with zod', () => {
    const zod = zodEndpoints.attachments.upload.body as unknown as Parser;
    const v = lean.endpoints.attachments.upload.body as unknown as Parser;
    const f = new File(['hello'], 'a.txt', { type: 'text/plain' });
    expect(outcome(v, { file: f })).toStrictEqual(outcome(zod, { file: f }));
    for (const bad of [{}, { file: 'a.txt' }, { file: new Blob(['x']) }, null]) expect(outcome(v, bad)).toStrictEqual(outcome(zod, bad));
  });

  it('the bounds the ticket form shows come through (too_small / too_big with minimum / maximum)', () => {
    const input = { subject: '  a ', body: ' ', attachmentIds: Array.from({ length: 11 }, (_, i) => `att_${i}`) };
    const pick = (p: Parser) =>
      (p.safeParse(input).error!.issues as Array<Record<string, unknown>>)
        .map(({ code, path, minimum, maximum }) => ({ code, path, minimum, maximum }))
        .sort((a, b) => String(a.path).localeCompare(String(b.path)));
    expect(pick(lean.TicketCreate as unknown as Parser)).toEqual(pick(zodSchemas.TicketCreate as unknown as Parser));
  });

  it('edge inputs built in JS: sparse arrays, symbols, a bound plus a refinement — same outcome as zod', () => {
    const cases: Array<[string, unknown]> = [
      ['TicketCreate', { subject: 'Hello', body: 'x', attachmentIds: new Array(2) }],
      ['Limit', Symbol('x')],
      ['Limit', Object.create(null)],
      ['ApprovalCreate', { version: 0, decision: 'changes_requested' }],
      ['SafeUrl', `javascript:${'a'.repeat(5000)}`],
      ['SafeUrl', '/\t/evil.example'],
      ['SafeUrl', '/\n/evil.example'],
    ];
    for (const [name, value] of cases) {
      const z = (zodSchemas as unknown as Record<string, Parser>)[name]!;
      const v = (lean as unknown as Record<string, Parser>)[name]!;
      expect(outcome(v, value), `${name} ${String(typeof value === 'symbol' ? 'symbol' : JSON.stringify(value))}`).toStrictEqual(
        outcome(z, value),
      );
    }
    expect(lean.SafeUrl.safeParse('/\t/evil.example').success).toBe(false);
    expect(lean.ApprovalCreate.safeParse({ version: 0, decision: 'changes_requested' }).error!.issues.map((i) => i.path.join('.'))).toEqual(
      ['version', 'comment'],
    );
  });

  it('named refinements: unsafe links and a change request without a comment fail with the message zod gives', () => {
    for (const url of ['javascript:alert(1)', '//evil.example', 'data:text/html,x', 'https://ok.example/a', '/files/1']) {
      expect(outcome(lean.SafeUrl as unknown as Parser, url)).toStrictEqual(outcome(zodSchemas.SafeUrl as unknown as Parser, url));
    }
    const bad = { version: 2, decision: 'changes_requested' };
    expect(lean.ApprovalCreate.safeParse(bad).error?.issues[0]).toMatchObject({
      path: ['comment'],
      message: 'a comment is required when requesting changes',
    });
    expect(zodSchemas.ApprovalCreate.safeParse(bad).error?.issues[0]).toMatchObject({
      path: ['comment'],
      message: 'a comment is required when requesting changes',
    });
  });
});

describe('validators: a bad link degrades to no link', () => {
  const invoice = (pdfUrl: unknown, id: string) => ({
    id,
    number: id,
    status: 'open',
    currency: 'EUR',
    subtotal: 100,
    tax: 0,
    total: 100,
    amountPaid: 0,
    amountDue: 100,
    issuedAt: '2026-11-01T00:00:00.000Z',
    dueAt: null,
    paidAt: null,
    overdue: false,
    pdfUrl,
    payUrl: null,
  });
  const leanPage = lean.endpoints.invoices.list.response as unknown as lean.Validator<{ data: Array<{ pdfUrl: string | null }> }>;
  const zodPage = zodEndpoints.invoices.list.response as unknown as Parser;
  it('one invalid pdf_url among 50 invoices: the page parses, that link is null and reported as dropped with its path; zod agrees on the data', () => {
    const page = {
      data: Array.from({ length: 50 }, (_, i) => invoice(i === 7 ? 'javascript:alert(1)' : `/files/${i}`, `inv_${i}`)),
      nextCursor: null,
    };
    const r = leanPage.safeParse(page);
    expect(r.success).toBe(true);
    expect(r.data!.data[7]!.pdfUrl).toBeNull();
    expect(r.data!.data[8]!.pdfUrl).toBe('/files/8');
    expect(r.dropped?.map((i: { path: unknown }) => i.path)).toEqual([['data', 7, 'pdfUrl']]);
    expect(r.data).toStrictEqual(zodPage.safeParse(page).data);
    // valid links: nothing dropped; structurally wrong data still fails
    expect(leanPage.safeParse({ ...page, data: page.data.slice(8) }).dropped).toBeUndefined();
    expect(leanPage.safeParse({ ...page, data: [{ ...invoice('/x', 'a'), total: 'x' }] }).success).toBe(false);
  });
  it("a link of the wrong type is dropped too (as zod's catch); null is no link and no issue", () => {
    expect(lean.Link.safeParse(42)).toMatchObject({ success: true, data: null });
    expect(lean.Link.safeParse(null).dropped).toBeUndefined();
  });
});

/** Applies edits at pseudo-random places of a value: replace (0), delete (1), add a key (2), or nothing (3). */
function mutate(value: unknown, edits: Array<[number, unknown, number]>): unknown {
  for (const [at, replacement, kind] of edits) {
    const places: Array<[Record<string, unknown> | unknown[], string | number]> = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) {
          places.push([v, i]);
          walk(x);
        }
      } else if (v && typeof v === 'object' && !(v instanceof File)) {
        for (const [k, x] of Object.entries(v)) {
          places.push([v as Record<string, unknown>, k]);
          walk(x);
        }
      }
    };
    walk(value);
    if (!places.length) return kind === 0 ? replacement : value;
    const [parent, key] = places[at % places.length]!;
    if (kind === 0) (parent as Record<string | number, unknown>)[key] = replacement;
    else if (kind === 1 && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key as string];
    else if (kind === 2 && !Array.isArray(parent)) (parent as Record<string, unknown>).__extra = replacement;
  }
  return value;
}
