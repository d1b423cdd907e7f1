// Tests run in the system Chromium through the shared config. The XSS corpus is a vendored test
// fixture of the repository (fixtures/xss, with its sources and licences); a tiny middleware serves
// it at /__xss-corpus.json (a 404 makes the sanitizer test fail).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { porticoWtrConfig } from '@portico/tooling/wtr';

const corpusPath = fileURLToPath(new URL('../../fixtures/xss/xss-corpus.json', import.meta.url));

/** @type {import('koa').Middleware} */
function xssCorpus(ctx, next) {
  if (ctx.path !== '/__xss-corpus.json') return next();
  if (!existsSync(corpusPath)) {
    ctx.status = 404;
    ctx.body = `XSS corpus missing at ${corpusPath}`;
    return undefined;
  }
  ctx.type = 'application/json';
  ctx.body = readFileSync(corpusPath);
  return undefined;
}

export default porticoWtrConfig({
  files: 'src/**/*.test.ts',
  label: '@portico/elements tests',
  middleware: [xssCorpus],
});
