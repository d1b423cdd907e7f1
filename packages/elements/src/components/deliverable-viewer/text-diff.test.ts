import { expect } from '@open-wc/testing';
import { diffTokens, tokenize } from './text-diff.js';

// Kept apart from the viewer's comparison tests, which check that this module is loaded lazily.
const OLD = 'Brief\nAudience: small teams\nTone: friendly\nDeadline: May\nBudget: 10k\n';
const NEW = 'Brief\nAudience: small and medium teams\nTone: friendly\nBudget: 10k\nOwner: Sam\n';

/** Length of a longest common subsequence (dynamic programming), the reference for "shortest". */
function lcs(a: string[], b: string[]): number {
  const d = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = a[i - 1] === b[j - 1] ? d[i - 1]![j - 1]! + 1 : Math.max(d[i - 1]![j]!, d[i]![j - 1]!);
  return d[a.length]![b.length]!;
}

describe('text-diff', () => {
  it('is a shortest edit: unchanged + removed gives the old text, unchanged + added the new one', () => {
    const a = tokenize(OLD, 'lines');
    const b = tokenize(NEW, 'lines');
    const runs = diffTokens(a, b);
    expect(runs.filter((r) => r.op !== '+').flatMap((r) => r.tokens)).to.deep.equal(a);
    expect(runs.filter((r) => r.op !== '-').flatMap((r) => r.tokens)).to.deep.equal(b);
    const changed = runs.filter((r) => r.op !== '=').reduce((n, r) => n + r.tokens.length, 0);
    expect(changed).to.equal(4); // Audience replaced (2), Deadline removed, Owner added
  });

  it('past its edit limit, the differing middle is one removal and one addition', () => {
    const runs = diffTokens(['x', 'a', 'b', 'c', 'y'], ['x', 'c', 'b', 'a', 'y'], 1);
    expect(runs.map((r) => r.op)).to.deep.equal(['=', '-', '+', '=']);
  });

  it('on 500 random pairs: rebuilds both sides and keeps a longest common subsequence unchanged', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const tokens = (n: number) => Array.from({ length: n }, () => 'abc'[Math.floor(rnd() * 3)]!);
    for (let i = 0; i < 500; i++) {
      const a = tokens(Math.floor(rnd() * 25));
      const b = tokens(Math.floor(rnd() * 25));
      const runs = diffTokens(a, b);
      expect(runs.filter((r) => r.op !== '+').flatMap((r) => r.tokens)).to.deep.equal(a);
      expect(runs.filter((r) => r.op !== '-').flatMap((r) => r.tokens)).to.deep.equal(b);
      expect(runs.filter((r) => r.op === '=').reduce((n, r) => n + r.tokens.length, 0)).to.equal(lcs(a, b));
    }
  });

  it('words: letters of any script, numbers and punctuation apart, white space kept', () => {
    expect(tokenize('Hello, عالم 42!', 'words')).to.deep.equal(['Hello', ',', ' ', 'عالم', ' ', '42', '!']);
    expect(tokenize('a\r\nb\rc', 'lines')).to.deep.equal(['a', 'b', 'c']);
    expect(tokenize('a\n\nb\n', 'lines')).to.deep.equal(['a', '', 'b']); // a final break starts no line
    expect(tokenize('', 'lines')).to.deep.equal([]);
  });
});
