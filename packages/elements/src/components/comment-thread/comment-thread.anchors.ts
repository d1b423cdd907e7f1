import type { Comment } from '@portico/contract';

/**
 * The numbers of the region comments, 1, 2, 3… in the thread's order: the thread labels each
 * "Region n" and the viewer's marker for it shows n, so a reader can match one to the other.
 */
export function regionNumbers(comments: readonly Comment[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const c of comments) if (c.anchor?.kind === 'region') numbers.set(c.id, numbers.size + 1);
  return numbers;
}
