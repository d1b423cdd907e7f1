// Angular's strict template checker and Portico's event types: `$event` of a `(portico-…)`
// binding has the event's own type (from the GlobalEventHandlersEventMap entries the Portico
// modules declare), on the element and on any ancestor. Proved by compiling a probe component
// whose handlers take the wrong type: each binding must be reported, naming the Portico type.
// (The app itself, built by `pnpm build`, compiles with handlers that take the right types.)
// Prints `angular template types: N passed, N failed`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ngc } from '../build.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, '../node_modules/.template-types-probe');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

/** binding → the type Angular must infer for `$event`. */
const bindings = [
  ['<portico-ticket-list (portico-ticket-select)="take($event)"></portico-ticket-list>', 'PorticoTicketSelectEvent'],
  ['<section (portico-ticket-select)="take($event)"><portico-ticket-list></portico-ticket-list></section>', 'PorticoTicketSelectEvent'],
  ['<portico-kb-search (portico-article-open)="take($event)"></portico-kb-search>', 'CustomEvent<PorticoArticleOpenDetail>'],
  ['<portico-ticket-list (portico-error)="take($event)"></portico-ticket-list>', 'PorticoErrorEvent'],
];
writeFileSync(
  join(dir, 'probe.ts'),
  `import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import '@portico/elements/components/ticket-list/ticket-list';
import '@portico/elements/components/kb-search/kb-search';
@Component({
  selector: 'acme-probe',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: \`
${bindings.map(([b]) => `    ${b}`).join('\n')}
  \`,
})
export class Probe {
  take(value: number): void {
    void value;
  }
}
`,
);
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { rootDir: '.', noEmit: true }, files: ['probe.ts'] }),
);

let passed = 0;
let failed = 0;
let output = '';
try {
  ngc(join(dir, 'tsconfig.json'), { quiet: true });
} catch (err) {
  output = `${err.stdout ?? ''}${err.stderr ?? ''}`;
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: ngc colours its output
const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
const errors = [...plain.matchAll(/TS2345: Argument of type '([^']+)' is not assignable to parameter of type 'number'/g)].map((m) => m[1]);
for (const [i, [binding, type]] of bindings.entries()) {
  const ok = errors[i] === type;
  console.log(
    `  ${ok ? 'ok  ' : 'FAIL'} ${binding}: $event is ${errors[i] ?? '(not reported: untyped?)'}${ok ? '' : `, expected ${type}`}`,
  );
  ok ? passed++ : failed++;
}
if (errors.length !== bindings.length) {
  failed++;
  console.log(`  FAIL expected ${bindings.length} type errors, ngc reported ${errors.length}:\n${plain}`);
}
rmSync(dir, { recursive: true, force: true });
console.log(`angular template types: ${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
