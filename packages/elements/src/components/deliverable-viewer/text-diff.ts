/**
 * A line or word diff of two texts (Myers' O(ND) algorithm), part of the viewer's text-comparison
 * module: loaded only when a text comparison is opened.
 */

/** A run of tokens: unchanged (`=`), only in the newer text (`+`) or only in the older one (`-`). */
export type DiffRun = { op: '=' | '+' | '-'; tokens: string[] };
export type DiffMode = 'lines' | 'words';

/** Past this many edits the texts are treated as rewritten (all removed, all added): time and memory stay bounded. */
export const MAX_EDITS = 2000;

/** Lines (without their line breaks; '' is one empty line), or words, runs of white space and single other characters. */
export function tokenize(text: string, mode: DiffMode): string[] {
  // A final line break ends the last line; it starts no empty one.
  if (mode === 'lines') return text === '' ? [] : text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return text.match(/\s+|[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu) ?? [];
}

/** The shortest edit script from `a` to `b`, as runs; past `maxEdits` the differing middle is one removal and one addition. */
export function diffTokens(a: readonly string[], b: readonly string[], maxEdits = MAX_EDITS): DiffRun[] {
  // The common start and end cost nothing to find and keep the edit graph small.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const x = a.slice(start, a.length - end);
  const y = b.slice(start, b.length - end);
  const middle = myers(x, y, maxEdits) ?? [...x.map((t) => ['-', t] as const), ...y.map((t) => ['+', t] as const)];
  const runs: DiffRun[] = [];
  const push = (op: DiffRun['op'], token: string) => {
    const last = runs.at(-1);
    if (last?.op === op) last.tokens.push(token);
    else runs.push({ op, tokens: [token] });
  };
  for (const t of a.slice(0, start)) push('=', t);
  // Within a change, removals come before additions (reads as "replaced by").
  let pending: Array<readonly ['+' | '-', string]> = [];
  const flush = () => {
    for (const [op, t] of pending) if (op === '-') push(op, t);
    for (const [op, t] of pending) if (op === '+') push(op, t);
    pending = [];
  };
  for (const step of middle) {
    if (step[0] === '=') {
      flush();
      push('=', step[1]);
    } else pending.push(step as readonly ['+' | '-', string]);
  }
  flush();
  for (const t of a.slice(a.length - end)) push('=', t);
  return runs;
}

type Step = readonly ['=' | '+' | '-', string];

/** Myers' greedy forward search with a trace for backtracking; null past `max` edits. */
function myers(a: readonly string[], b: readonly string[], max: number): Step[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(max, n + m);
  const off = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2)); // v for k in [-d-1, d+1], before step d
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace);
    }
  }
  return null;
}

function backtrack(a: readonly string[], b: readonly string[], trace: Int32Array[]): Step[] {
  const steps: Step[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const row = trace[d]!;
    const at = (k: number) => row[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      y--;
      steps.push(['=', a[--x]!]);
    }
    if (d > 0) {
      if (x === prevX) steps.push(['+', b[--y]!]);
      else steps.push(['-', a[--x]!]);
    }
    x = prevX;
    y = prevY;
  }
  return steps.reverse();
}
