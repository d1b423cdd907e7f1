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

/**
 * Image requests for the remote-image tests: `/__pixel/<name>` answers a 1×1 GIF and records
 * `<host> <name>`; `/__pixel-log` answers the records so far and clears them. The page runs on
 * localhost, so `127.0.0.1` is another origin on the same server ("a foreign host" that still answers).
 * @type {import('koa').Middleware}
 */
const pixelLog = [];
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
function pixels(ctx, next) {
  if (ctx.path === '/__pixel-log') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(pixelLog.splice(0));
    return undefined;
  }
  if (!ctx.path.startsWith('/__pixel/')) return next();
  pixelLog.push(`${ctx.host} ${ctx.path.slice('/__pixel/'.length)}`);
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.type = 'image/gif';
  ctx.body = GIF;
  return undefined;
}

export default porticoWtrConfig({
  files: 'src/**/*.test.ts',
  label: '@portico/elements tests',
  middleware: [xssCorpus, pixels],
});
