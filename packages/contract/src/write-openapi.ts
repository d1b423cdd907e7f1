// Writes openapi.json beside package.json: `pnpm --filter @portico/contract openapi`.
import { readFileSync, writeFileSync } from 'node:fs';
import { buildOpenApi } from './openapi.js';

const root = new URL('../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string };
const target = new URL('openapi.json', root);
writeFileSync(target, `${JSON.stringify(buildOpenApi(version), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
