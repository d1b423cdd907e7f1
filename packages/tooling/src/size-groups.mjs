// The size check's entries that are groups of components, apart from size.mjs (which measures
// when imported), so that the elements' generator can check them against the custom-elements
// manifest (`pnpm --filter @portico/elements generate:check`): a renamed or removed component
// must not leave a group measuring less than it says.

/** The customer-portal set: what a customer portal page loads. */
export const CUSTOMER = ['ticket-list', 'ticket-detail', 'ticket-form', 'kb-search', 'kb-article', 'invoice-table'];

/**
 * The components of the manifest with a registration module `src/components/<name>/<name>.ts`
 * (the provider apart), as `{ name, tag }`, sorted by name.
 */
export function manifestComponents(manifest) {
  const out = [];
  for (const mod of manifest.modules ?? []) {
    for (const exp of mod.exports ?? []) {
      if (exp.kind !== 'custom-element-definition') continue;
      const m = /^src\/components\/([a-z0-9-]+)\/\1\.ts$/.exec(mod.path);
      if (m) out.push({ name: m[1], tag: exp.name });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}
