// Writes src/styles/tokens.css from tokens.data.ts: `pnpm --filter @portico/elements tokens`.
import { writeFileSync } from 'node:fs';
import { renderTokensCss } from './tokens-file.js';

writeFileSync(new URL('./tokens.css', import.meta.url), renderTokensCss());
