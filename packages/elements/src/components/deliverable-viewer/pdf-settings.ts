/**
 * Where the PDF preview starts pdf.js's worker. Unset, it uses
 * `new Worker(new URL('./pdf-worker.js', import.meta.url))`, the pattern Vite, webpack 5 and
 * Parcel turn into a bundled worker. A page that enforces Trusted Types
 * (`require-trusted-types-for 'script'`) must give a `TrustedScriptURL` from a policy of its own:
 *
 * ```ts
 * const policy = trustedTypes.createPolicy('acme-pdf-worker', { createScriptURL: (u) => u });
 * pdfSettings.workerUrl = policy.createScriptURL('/assets/chunks/pdf-worker.js');
 * ```
 *
 * Without a worker (none given under Trusted Types, or it fails to load) pdf.js parses on the main
 * thread: slower for large files, same result.
 */
export const pdfSettings: { workerUrl?: string | URL | { toString(): string } } = {};
