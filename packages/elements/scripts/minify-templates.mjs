// Minifies Lit templates in the built `dist` (after tsc); the sources stay readable.
// - css`…` without interpolations: esbuild's CSS minifier.
// - html`…` / svg`…`: every run of whitespace that holds a line break (source indentation)
//   becomes one space. HTML renders such a run as one space already, so nothing on the page
//   changes; a `<pre>` or `white-space: pre*` element only ever gets its text from bindings.
// Template literals are found with TypeScript's parser, so nested templates are handled.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import ts from 'typescript';

const dist = new URL('../dist/', import.meta.url).pathname;

// tsc's output only: dist/cdn holds esbuild bundles (built after this step, but left from a previous build).
const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === join(dist, 'cdn')) return [];
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.js') ? [path] : [];
  });

/** The string a template literal's raw text denotes (no interpolations). */
const cook = (raw) => new Function(`return \`${raw}\`;`)();
const uncook = (text) => text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

let before = 0;
let after = 0;
for (const file of files(dist)) {
  const source = readFileSync(file, 'utf8');
  if (!/\b(html|svg|css)\s*`/.test(source)) continue;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  /** [start, end, replacement] of raw text inside backticks/braces. */
  const edits = [];
  const cssJobs = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      const tpl = node.template;
      if (tag === 'css' && ts.isNoSubstitutionTemplateLiteral(tpl)) {
        cssJobs.push([tpl.getStart(sf) + 1, tpl.end - 1, tpl.rawText ?? '']);
      } else if (tag === 'html' || tag === 'svg') {
        const parts = ts.isNoSubstitutionTemplateLiteral(tpl) ? [tpl] : [tpl.head, ...tpl.templateSpans.map((s) => s.literal)];
        for (const p of parts) {
          const start = p.getStart(sf) + 1; // after ` or }
          const end = p.end - (p.kind === ts.SyntaxKind.TemplateHead || p.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1); // before ${ or `
          const raw = source.slice(start, end);
          const min = raw.replace(/[ \t]*\n\s*/g, ' ');
          if (min !== raw) edits.push([start, end, min]);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  for (const [start, end, raw] of cssJobs) {
    const { code } = await transform(cook(raw), { loader: 'css', minify: true, logLevel: 'silent' });
    edits.push([start, end, uncook(code.trim())]);
  }
  if (!edits.length) continue;
  edits.sort((a, b) => b[0] - a[0]);
  let out = source;
  for (const [start, end, text] of edits) {
    before += end - start;
    after += text.length;
    out = out.slice(0, start) + text + out.slice(end);
  }
  writeFileSync(file, out);
}
console.log(`minify-templates: template text ${before} → ${after} bytes`);
