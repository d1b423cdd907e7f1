/**
 * Loaded on demand by `<portico-provider access-link>` only (a page without a link pays nothing for
 * it): the browser side of a private client link (docs/client-links.md). The link's token travels in
 * the URL fragment (`#link=…`), which browsers never send to a server nor put in a `Referer`. It is
 * taken out of the address bar at once (`history.replaceState`) and exchanged by POST for a
 * short-lived guest token; a GET never redeems anything.
 */

// Nothing here imports what the page's eager code imports (lit, the i18n registry): a module shared
// with it would split the eager bundle into chunks, which costs more than this whole file.
import type { Resources } from '../../base/resources.js';
import type { PorticoLocale } from '../../context/contexts.js';
import { en } from './provider.messages.js';

/** Why a link gives no access: each is a message of its own (`provider.link.<reason>`). */
export type LinkFailure = 'missing' | 'invalid' | 'revoked' | 'expired' | 'used' | 'ended' | 'rateLimited' | 'failed';

export class AccessLinkError extends Error {
  constructor(readonly reason: LinkFailure) {
    super(`Private link: ${reason}`);
    this.name = 'AccessLinkError';
  }
}

const STORAGE_KEY = 'portico-access-link';

/**
 * The link token of this page: from `#link=…` (then removed from the address bar, the rest of the
 * fragment kept), else the one taken earlier in this tab (sessionStorage: a reload keeps working;
 * closing the tab forgets it).
 */
export function takeLinkToken(win: Window = window): string | undefined {
  const hash = new URLSearchParams(win.location.hash.replace(/^#/, ''));
  const fromHash = hash.get('link') ?? undefined;
  if (fromHash) {
    hash.delete('link');
    const rest = hash.toString();
    win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}${rest ? `#${rest}` : ''}`);
    try {
      win.sessionStorage.setItem(STORAGE_KEY, fromHash);
    } catch {
      // Storage disabled: the link works until the page is reloaded.
    }
    return fromHash;
  }
  try {
    return win.sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

const REASONS: Record<string, LinkFailure> = {
  link_invalid: 'invalid',
  link_revoked: 'revoked',
  link_expired: 'expired',
  link_used: 'used',
  rate_limited: 'rateLimited',
};

/** The redemption endpoint under a base URL given as an origin or as origin + `/portal/v1`. */
export const redeemUrl = (baseUrl: string) => `${baseUrl.replace(/\/+$/, '').replace(/\/portal\/v1$/, '')}/portal/v1/access-links/redeem`;

export interface GuestTokenResult {
  token: string;
  expiresAt: number;
  renewable: boolean;
}

/** POSTs the link token; a guest token, or an `AccessLinkError` saying why not. */
export async function redeemLink(baseUrl: string, linkToken: string, fetchFn: typeof fetch = fetch): Promise<GuestTokenResult> {
  let res: Response;
  try {
    res = await fetchFn(redeemUrl(baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token: linkToken }),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    throw new AccessLinkError('failed');
  }
  const body = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!res.ok) throw new AccessLinkError(REASONS[String(body?.code)] ?? (res.status === 429 ? 'rateLimited' : 'failed'));
  const expiresAt = Date.parse(String(body?.expires_at));
  if (typeof body?.token !== 'string' || !Number.isFinite(expiresAt)) throw new AccessLinkError('failed');
  return { token: body.token, expiresAt, renewable: body.renewable !== false };
}

/** Registered by the provider (`useResources`) when this module loads. */
export const resources: Resources = {
  en,
  locales: { de: () => import('./provider.messages.de.js'), ar: () => import('./provider.messages.ar.js') },
};

/** The message box (the provider carries no token sheet: public tokens with fallbacks). */
const STYLES = `
  .failure {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--portico-space, 0.25rem) * 2);
    padding: calc(var(--portico-space, 0.25rem) * 3);
    border: 1px solid var(--portico-color-danger, light-dark(#b42318, #ff8a80));
    border-radius: var(--portico-radius, 0.375rem);
    color: var(--portico-color-danger, light-dark(#b42318, #ff8a80));
    color-scheme: light dark;
    font-family: var(--portico-font-family, inherit);
  }
  .failure p {
    flex: 1 1 12rem;
    margin: 0;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0 calc(var(--portico-space, 0.25rem) * 4);
    border: 1px solid currentColor;
    border-radius: var(--portico-radius, 0.375rem);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--portico-focus-ring, var(--portico-color-primary, #0969da));
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .failure {
      border-color: CanvasText;
      color: CanvasText;
    }
  }
`;

/** One page's private link: its token, and guest tokens from it on demand. */
export interface LinkSession {
  /** A guest token (POSTing the link's token); on failure reports why and throws. */
  token(baseUrl: string, fetchFn?: typeof fetch): Promise<{ token: string; expiresAt: number }>;
}

/**
 * Takes the link's token from the page (at once: out of the address bar before anything else
 * loads), and registers the messages and styles of the failure message in `root`.
 */
export function openSession(root: HTMLElement | DocumentFragment, onFailure: (reason: LinkFailure) => void): LinkSession {
  const shadow = root as ShadowRoot;
  if (shadow.adoptedStyleSheets) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  } else root.append(Object.assign(document.createElement('style'), { textContent: STYLES }));
  const linkToken = takeLinkToken();
  let renewable = true;
  if (!linkToken) onFailure('missing');
  return {
    async token(baseUrl, fetchFn) {
      try {
        if (!linkToken) throw new AccessLinkError('missing');
        // A single-use link gave its one guest token: asked again (expired or refused), access ended.
        if (!renewable) throw new AccessLinkError('ended');
        const r = await redeemLink(baseUrl, linkToken, fetchFn);
        renewable = r.renewable;
        return { token: r.token, expiresAt: r.expiresAt };
      } catch (e) {
        onFailure(e instanceof AccessLinkError ? e.reason : 'failed');
        throw e;
      }
    },
  };
}

/**
 * The message of a link that gives no access (`role="alert"`), with "Try again" where trying again
 * can help. Plain DOM (no lit here, see the imports); rebuilt when the language changes.
 */
export function linkMessage(
  reason: LinkFailure,
  i18n: { t(key: `provider.link.${LinkFailure | 'retry'}`): string },
  locale: PorticoLocale,
  retry: () => void,
): HTMLElement {
  const box = Object.assign(document.createElement('div'), { className: 'failure', lang: locale.lang, dir: locale.dir });
  box.setAttribute('part', 'link-error');
  box.setAttribute('role', 'alert');
  const p = document.createElement('p');
  p.textContent = i18n.t(`provider.link.${reason}`);
  box.append(p);
  if (reason === 'failed' || reason === 'rateLimited') {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: i18n.t('provider.link.retry') });
    button.setAttribute('part', 'link-retry');
    button.addEventListener('click', retry);
    box.append(button);
  }
  return box;
}
