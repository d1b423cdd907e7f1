// Runs before the elements are defined (imported first by app.ts): the provider gets its base URL
// and token callback while it is still un-upgraded, so the components' first request already has
// a client. Lit keeps properties set before the upgrade.
import type { PorticoProvider } from '@portico/elements';

import './pdf-policy.js';

/** What Acme's backend answers on `POST /api/portal-token` (minted with `mintPortalToken`). */
interface PortalTokenResponse {
  token: string;
  expires_at: string;
}

/**
 * Asks Acme's own backend for a short-lived portal token. The session cookie authenticates the
 * request; the custom header is the CSRF check. The token stays in the client's memory only.
 */
export async function getToken(): Promise<{ token: string; expiresAt: number }> {
  const res = await fetch('/api/portal-token', { method: 'POST', headers: { 'x-portico-csrf': '1' }, credentials: 'same-origin' });
  if (res.status === 401) {
    location.assign('/login');
    throw new Error('signed out');
  }
  if (!res.ok) throw new Error(`portal token: HTTP ${res.status}`);
  const body = (await res.json()) as PortalTokenResponse;
  return { token: body.token, expiresAt: Date.parse(body.expires_at) };
}

for (const provider of document.querySelectorAll<PorticoProvider>('portico-provider')) {
  // Same origin: Acme's server proxies /portal/v1 to Portico, so the CSP needs only connect-src 'self'.
  provider.baseUrl = location.origin;
  provider.getToken = getToken;
}
