/**
 * Waiting for a data component to show what a story means to show, without a test framework
 * (plays in Storybook use it as well as the story runner).
 */

/** What a settled data component shows (the shared `renderState()` parts): no skeleton, nothing busy. */
export const SETTLED = ':is([part~="content"], [part~="empty"], [part~="error"]):not([aria-busy="true"])';

const BUSY = '[part~="loading"], [aria-busy="true"]';

export interface SettleOptions {
  /**
   * A selector in the component's shadow root that must match: by default the settled state
   * (content, empty or error, nothing busy); `'[part~="loading"]'` for a loading story. ` >>> `
   * steps into a nested element's shadow root: `'portico-kb-article >>> [part~="body"]'`.
   */
  waitFor?: string;
  timeout?: number;
}

/** `querySelector` along a path of selectors separated by ` >>> `, each step in the previous match's shadow root. */
const deepQuery = (root: ShadowRoot, path: string): Element | null => {
  let scope: ParentNode | null | undefined = root;
  let found: Element | null = null;
  for (const selector of path.split(' >>> ')) {
    found = scope?.querySelector(selector) ?? null;
    scope = found?.shadowRoot;
  }
  return found;
};

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Resolves when `el` has rendered and shows `waitFor` (rejects after `timeout` ms). */
export async function settled(el: Element, { waitFor, timeout = 4000 }: SettleOptions = {}): Promise<void> {
  const started = performance.now();
  for (;;) {
    await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
    const root = el.shadowRoot;
    if (root) {
      const ready = waitFor ? deepQuery(root, waitFor) : root.querySelector(SETTLED) && !root.querySelector(BUSY);
      // Elements without the shared states (no data) are settled once rendered.
      const stateless = !waitFor && !root.querySelector(`${SETTLED}, ${BUSY}`);
      if (ready || (stateless && performance.now() - started > 50)) return;
    }
    if (performance.now() - started > timeout) {
      throw new Error(`<${el.localName}> did not show ${waitFor ?? 'a settled state'} within ${timeout} ms`);
    }
    await frame();
  }
}
