import { PageController } from './page-controller.js';

/**
 * A `PageController` with the navigation of the `pages` mode (one page at a time, next and
 * previous): apart, so that the lists that add pages ("Show more") don't carry it.
 */
export class PagesController<T, A extends readonly unknown[] = readonly unknown[], X = unknown> extends PageController<T, A, X> {
  /** `pages`: the 1-based number of the page on screen. */
  get page(): number {
    return this.previous.length + 1;
  }

  get hasPrevious(): boolean {
    return this.previous.length > 0;
  }

  get hasNext(): boolean {
    return !!this.resource.value?.nextCursor;
  }

  /**
   * Where the list is, as one string — the cursors of the pages before this one and of this one
   * (`''` on the first page). Set it to come back there (with the same inputs): `url-state`.
   */
  get position(): string {
    return this.cursor === undefined ? '' : [...this.previous, this.cursor].map((c) => c ?? '').join(' ');
  }
  set position(value: string) {
    const cursors = value ? value.split(' ').map((c) => c || undefined) : [undefined];
    this.go(cursors.slice(0, -1), cursors.at(-1));
  }

  /** `pages`: shows the next page. */
  nextPage(): void {
    const next = this.resource.value?.nextCursor;
    if (next) this.go([...this.previous, this.cursor], next);
  }

  /** `pages`: shows the page before. */
  previousPage(): void {
    if (this.previous.length) this.go(this.previous.slice(0, -1), this.previous.at(-1));
  }

  private go(previous: Array<string | undefined>, cursor: string | undefined): void {
    this.previous = previous;
    this.cursor = cursor;
    this.host.requestUpdate();
  }
}
