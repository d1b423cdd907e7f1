// The generated wrappers: `--check` notices a stale or missing file, and a bundler keeps only the
// wrappers an app imports, with their elements' registration (sideEffects: false is right here
// because each wrapper module reaches its element's side effect through an import it uses).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const generate = join(pkg, 'scripts/generate.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'portico-react-test-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

test('generate --check fails on an edited, a missing or an extra generated file, and passes on a fresh copy', () => {
  const dir = join(tmp, 'src');
  cpSync(join(pkg, 'src'), dir, { recursive: true });
  const check = () => spawnSync('node', [generate, '--check', '--dir', dir], { encoding: 'utf8' });
  assert.equal(check().status, 0, 'a copy of the committed files is current');

  appendFileSync(join(dir, 'ticket-list.ts'), '// edited\n');
  let r = check();
  assert.equal(r.status, 1);
  assert.match(r.stderr, /ticket-list\.ts/);

  cpSync(join(pkg, 'src/ticket-list.ts'), join(dir, 'ticket-list.ts'));
  unlinkSync(join(dir, 'provider.ts'));
  r = check();
  assert.equal(r.status, 1);
  assert.match(r.stderr, /provider\.ts \(missing\)/);

  cpSync(join(pkg, 'src/provider.ts'), join(dir, 'provider.ts'));
  cpSync(join(pkg, 'src/provider.ts'), join(dir, 'old-widget.ts'));
  r = check();
  assert.equal(r.status, 1);
  assert.match(r.stderr, /old-widget\.ts \(no such element any more\)/);
});

/** Bundles `code` as an app would (sources through the `source` condition), React left out. */
async function bundle(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: pkg, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['source'],
    external: ['react', '@lit/react'],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
const defines = (js) => [...js.matchAll(/\.define\(\s*"(portico-[a-z-]+)"/g)].map((m) => m[1]).sort();

test('importing one wrapper bundles and registers only its element', async () => {
  const js = await bundle("import { PorticoTicketList } from '@portico/react'; console.log(PorticoTicketList);");
  assert.deepEqual(defines(js), ['portico-ticket-list']);
  assert.match(js, /tagName: "portico-ticket-list"/);
  assert.doesNotMatch(js, /pdfjs|portico-deliverable-viewer/);
});

test('two wrappers bring exactly their two elements', async () => {
  const js = await bundle(
    "import { PorticoProvider, PorticoKbSearch } from '@portico/react'; console.log(PorticoProvider, PorticoKbSearch);",
  );
  assert.deepEqual(defines(js), ['portico-kb-search', 'portico-provider']);
});

test('a wrapper imported but never used adds nothing to the bundle', async () => {
  const js = await bundle("import { PorticoInvoiceTable } from '@portico/react'; void 0;");
  assert.deepEqual(defines(js), []);
});
