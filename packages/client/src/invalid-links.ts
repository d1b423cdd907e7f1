// The rare path of `core.ts`, loaded when a response had links the contract's `Link` left out:
// reporting them. It imports no value from the client (it is handed what it uses), so that a
// bundler keeps the client's modules in their importer's chunk.
import type { InvalidLink } from './core.js';
import type { ValidationIssue } from './errors.js';
import type { PorticoDiagnostic } from './options.js';

/** The id of the nearest record around `path` in `data`. */
const recordOf = (data: unknown, path: PropertyKey[]): string | undefined => {
  let id: string | undefined;
  let v = data as Record<PropertyKey, unknown> | undefined;
  for (const key of path) {
    if (typeof v?.id === 'string') id = v.id;
    v = v?.[key] as typeof v;
  }
  return id;
};

/** Reports each dropped link as an `invalid-link` diagnostic and an `eventName` CustomEvent on `signal`. */
export function reportInvalidLinks(
  endpoint: string,
  data: unknown,
  dropped: readonly ValidationIssue[],
  diagnose: (d: PorticoDiagnostic) => void,
  signal: AbortSignal | undefined,
  eventName: string,
): void {
  for (const i of dropped) {
    const link: InvalidLink = { endpoint, path: i.path.join('.'), record: recordOf(data, i.path) };
    diagnose({ type: 'invalid-link', ...link });
    signal?.dispatchEvent(new CustomEvent(eventName, { detail: link }));
  }
}
