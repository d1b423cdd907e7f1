/**
 * Where a list's keys move focus from row `current` of rows `0…last`: ↓ and ↑ by one, Page Down
 * and Page Up by `page` (when given), Home and End to the ends — clamped; `undefined` for any
 * other key.
 */
export function rovingTarget(key: string, current: number, last: number, page?: number): number | undefined {
  const next =
    key === 'ArrowDown'
      ? current + 1
      : key === 'ArrowUp'
        ? current - 1
        : key === 'Home'
          ? 0
          : key === 'End'
            ? last
            : page && key === 'PageDown'
              ? current + page
              : page && key === 'PageUp'
                ? current - page
                : undefined;
  return next === undefined ? undefined : Math.max(0, Math.min(last, next));
}

/**
 * Roving focus over the `.row` elements under `root` (one tab stop for the list): moves focus for
 * the keys of `rovingTarget` and returns the newly focused row's index, or -1 when the key is not
 * one of them or the event did not come from a row.
 */
export function rowsKeydown(root: ParentNode, e: KeyboardEvent): number {
  const rows = [...root.querySelectorAll<HTMLElement>('.row')];
  const current = rows.indexOf((e.target as Element).closest<HTMLElement>('.row')!);
  const next = current < 0 ? undefined : rovingTarget(e.key, current, rows.length - 1);
  if (next === undefined) return -1;
  e.preventDefault();
  rows[next]!.focus();
  return next;
}
