import type { CSSResult } from 'lit';

const adopted = new WeakMap<object, Set<CSSResult>>();

/**
 * Adds `styles` to a component's shadow root after it was created: the styles of a part that loads
 * on demand (the upload chips, the ticket form's suggestions) travel with that part instead of
 * sitting in every page's bundle. A constructable stylesheet where the browser adopts them (as Lit
 * does), else a `<style>` element; each once per shadow root.
 */
export function adoptLate(root: HTMLElement | DocumentFragment, styles: CSSResult): void {
  const seen = adopted.get(root) ?? new Set();
  if (seen.has(styles)) return;
  adopted.set(root, seen.add(styles));
  const shadow = root as ShadowRoot;
  const sheet = styles.styleSheet;
  if (sheet && shadow.adoptedStyleSheets) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  else shadow.append(Object.assign(document.createElement('style'), { textContent: styles.cssText }));
}
