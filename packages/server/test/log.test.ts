import { describe, expect, it } from 'vitest';
import { batchedWriter, createLogger } from '../src/log.js';

describe('log lines', () => {
  it('are written together once per turn of the event loop, in order, and flushed on demand', async () => {
    const chunks: string[] = [];
    const w = batchedWriter((c) => chunks.push(c));
    const log = createLogger('info', w.write);
    log.info('a', { n: 1 });
    log.debug('hidden');
    log.warn('b');
    expect(chunks).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(chunks).toHaveLength(1);
    expect(
      chunks[0]!
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).msg),
    ).toEqual(['a', 'b']);
    log.error('c');
    w.flush();
    expect(chunks).toHaveLength(2);
    expect(JSON.parse(chunks[1]!)).toMatchObject({ level: 'error', msg: 'c' });
    await new Promise((r) => setImmediate(r));
    expect(chunks).toHaveLength(2);
  });
});
