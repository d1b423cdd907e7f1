// The usage case of the render benchmark (page.ts): `<portico-usage>` with `meters` meters of
// `points` points each, given as `.usage` (nothing requested), from createElement to the cards laid out.
import { usageMeter } from '../../packages/contract/src/fixtures.ts';
import type { Usage } from '../../packages/contract/src/index.ts';
import '../../packages/elements/src/components/usage/usage.ts';

const stage = document.getElementById('stage')!;

const countNodes = (root: Node): number => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let n = 0;
  while (walker.nextNode()) n++;
  return n;
};

const cache = new Map<string, Usage>();
const usageOf = (meters: number, points: number): Usage => {
  const key = `${meters}x${points}`;
  let u = cache.get(key);
  if (!u) {
    u = {
      asOf: '2026-10-21T09:00:00.000Z',
      data: Array.from({ length: meters }, (_, i) =>
        usageMeter(
          i + 1,
          { name: `Meter ${i + 1}`, unit: i % 3 === 1 ? 'gigabyte' : 'count', limit: i % 4 === 3 ? null : 10_000 * (i + 1) },
          points,
        ),
      ),
    };
    cache.set(key, u);
  }
  return u;
};

export async function usageCards(meters: number, points: number): Promise<{ ms: number; rows: number; nodes: number }> {
  const data = usageOf(meters, points);
  const t0 = performance.now();
  const el = document.createElement('portico-usage');
  el.usage = data;
  stage.append(el);
  await el.updateComplete;
  void el.offsetHeight;
  const ms = performance.now() - t0;
  const result = { ms, rows: el.shadowRoot!.querySelectorAll('[part~="meter"]').length, nodes: countNodes(el.shadowRoot!) };
  el.remove();
  return result;
}
