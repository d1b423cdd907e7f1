// The PDF preview's worker URL under Trusted Types: shared by the portal pages (setup.ts) and the
// private-link page (client.ts).
import { pdfSettings } from '@portico/elements/components/deliverable-viewer/pdf-settings';

// This page enforces Trusted Types: the PDF preview's worker URL comes from a policy of Acme's own,
// which accepts only the worker that build.mjs emits, on this origin.
const tt = (
  globalThis as {
    trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(u: string): string }): { createScriptURL(u: string): unknown } };
  }
).trustedTypes;
if (tt) {
  const workerPath = '/assets/chunks/pdf-worker.js';
  const policy = tt.createPolicy('acme-pdf-worker', {
    createScriptURL: (u) => {
      const url = new URL(u, location.origin);
      if (url.origin !== location.origin || url.pathname !== workerPath) throw new TypeError(`not the PDF worker: ${u}`);
      return url.href;
    },
  });
  pdfSettings.workerUrl = policy.createScriptURL(workerPath) as { toString(): string };
}
