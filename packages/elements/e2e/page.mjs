// The e2e test page's script (bundled by approval.e2e.mjs with esbuild): the real client against
// the test server's same-origin proxy, with a token fetched from the page's own backend.
import { createPorticoClient } from '@portico/client';
import '../src/components/approval-button/approval-button.ts';
import '../src/components/approval-history/approval-history.ts';
import '../src/components/comment-thread/comment-thread.ts';
import '../src/components/project-timeline/project-timeline.ts';
import '../src/components/provider/provider.ts';
import 'portico-e2e-optional';

const client = createPorticoClient({
  baseUrl: location.origin,
  getToken: async () => {
    const res = await fetch('/token', { method: 'POST' });
    if (!res.ok) throw new Error(`token: ${res.status}`);
    return res.json();
  },
});
window.porticoClient = client;
for (const el of document.querySelectorAll('[data-portico]')) el.client = client;
window.porticoReady = true;
