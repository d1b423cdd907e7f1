import { createClientFor, endpointRegistry, type PorticoClientOptions } from '@portico/client';
import { css, html } from 'lit';
import { PorticoElement } from '../../base/portico-element.js';
import { useResources } from '../../base/resources.js';
import type { PorticoClientLike } from '../../context/client.js';
import { clientContext, localeContext, themeContext } from '../../context/contexts.js';
import { ContextProvider } from '../../context/protocol.js';
import { dirOf } from '../../i18n/i18n.js';
import type { LinkFailure, LinkSession } from './access-link.js';
import type { ProviderMessageKey } from './provider.messages.js';

/**
 * Supplies the API client, language and theme to every Portico component inside it.
 *
 * Give it `base-url` and a `getToken` callback (it builds one client and shares it), or a ready
 * `.client`. The client it builds knows the endpoints of the Portico components loaded on the page
 * (each component registers those it calls); for calls of your own, pass a client made with
 * `createPorticoClient`. `lang` and `dir` set the components' language and direction; `theme` their colour
 * scheme. Any component's own `.client`, `lang`, `dir` or `theme` wins over the provider's.
 * Images in customer-written content (ticket messages) load only from the API's origin and the
 * origins listed in `image-origins`; any other image shows as a link, so a message cannot carry a
 * tracking pixel. Knowledge-base articles, written by the organization, keep their images.
 * The provider renders no box of its own (`display: contents`) and styles nothing of the page.
 *
 * With `access-link` (a page opened by a private client link, docs/client-links.md) it needs no
 * `getToken`: it takes the link's token from the URL fragment (`#link=…`), removes it from the
 * address bar, and POSTs it to the server for a short-lived guest token, again whenever that token
 * expires or is refused. A revoked, expired, already used or unknown link replaces the content with
 * a message saying so (and a retry where trying again can help).
 *
 * @summary Shares one client, locale and theme with the components inside it.
 * @slot - The page content containing Portico components.
 * @csspart link-error - The message shown instead of the content when a private link gives no access (`access-link`).
 * @csspart link-retry - Its "Try again" button (a failed or rate-limited check).
 *
 * @example
 * ```html
 * <portico-provider base-url="https://portal.example.com" lang="de" theme="auto">
 *   <portico-ticket-list></portico-ticket-list>
 * </portico-provider>
 * <script type="module">
 *   document.querySelector('portico-provider').getToken = () => fetch('/portal-token').then((r) => r.text());
 * </script>
 * ```
 */
export class PorticoProvider extends PorticoElement<ProviderMessageKey> {
  // Only display: contents — the provider wraps host-page content, so it must not set inherited
  // properties (colour, font) that would restyle it. The styles of a private link's message load
  // with it (access-link.ts).
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    baseUrl: { attribute: 'base-url' },
    accessLink: { attribute: 'access-link', type: Boolean, reflect: true },
    linkFailure: { state: true },
    getToken: { attribute: false },
    clientOptions: { attribute: false },
    imageOrigins: { attribute: 'image-origins' },
  };

  /** Origin (or origin + `/portal/v1`) of the portal API. Used with `getToken` to build the client. */
  baseUrl?: string;

  /** Resolves to a short-lived portal token minted by the host's backend (see `PorticoClientOptions.getToken`). */
  getToken?: PorticoClientOptions['getToken'];

  /** Extra client options (timeout, retry, onEvent, fetch) used when the provider builds the client. */
  clientOptions?: Partial<Omit<PorticoClientOptions, 'baseUrl' | 'getToken'>>;

  /**
   * Origins, besides the API's own, that images in customer-written content (ticket messages) may
   * load from: space-separated, e.g. `https://cdn.example.com https://files.example.net`; `*` allows
   * any. Others render as a link. Unset, an outer provider's list applies. Read when a message is
   * rendered (by the sanitizer, which finds the nearest provider with a list).
   */
  imageOrigins?: string;

  /**
   * The page was opened by a private client link: the provider exchanges the link's token (URL
   * fragment `#link=…`) for guest tokens itself; `getToken` is not used.
   */
  accessLink = false;

  /** Why the link gives no access (its message replaces the content); unset while it works. */
  private linkFailure?: LinkFailure;
  private linkModule?: typeof import('./access-link.js');
  /** The page's private link (access-link.ts, loaded on demand). */
  private session?: Promise<LinkSession>;
  private openSession(): Promise<LinkSession> {
    this.session ??= import('./access-link.js').then((m) => {
      useResources(m.resources);
      this.linkModule = m;
      return m.openSession(this.renderRoot, (reason) => {
        this.linkFailure = reason;
      });
    });
    return this.session;
  }
  /** The provider's own token source for `access-link`: one function, so the client is built once. */
  private guestToken = async () => (await this.openSession()).token(this.baseUrl ?? '', this.clientOptions?.fetch);

  private retryLink() {
    this.linkFailure = undefined;
    // A fresh token source: a new client, so every component inside loads again.
    const redeem = this.guestToken;
    this.guestToken = () => redeem();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The link's token leaves the address bar as soon as the provider is on the page.
    if (this.accessLink) void this.openSession();
  }

  private built?: { client: PorticoClientLike; baseUrl: string; getToken: PorticoClientOptions['getToken']; options: unknown };

  private readonly clientProvider = new ContextProvider(this, clientContext);
  private readonly localeProvider = new ContextProvider(this, localeContext);
  private readonly themeProvider = new ContextProvider(this, themeContext);

  /** The client the provider shares: `.client`, else one built from `base-url` and `getToken`, else an outer provider's. */
  override get effectiveClient(): PorticoClientLike | undefined {
    if (this.client) return this.client;
    const getToken = this.accessLink ? this.guestToken : this.getToken;
    if (this.baseUrl && getToken) {
      const b = this.built;
      if (!b || b.baseUrl !== this.baseUrl || b.getToken !== getToken || b.options !== this.clientOptions) {
        // The lean client: it knows the endpoint groups the components on the page registered
        // (each component module registers those it calls), so only their schemas are loaded.
        const client = createClientFor(endpointRegistry, { ...this.clientOptions, baseUrl: this.baseUrl, getToken });
        this.built = { client, baseUrl: this.baseUrl, getToken, options: this.clientOptions };
      }
      return this.built!.client;
    }
    return this.contextClient;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.clientProvider.setValue(this.effectiveClient);
    const lang = this.getAttribute('lang');
    const dir = this.getAttribute('dir');
    this.localeProvider.setValue(
      lang || dir
        ? { lang: lang || this.contextLocale?.lang || this.locale.lang, dir: dir === 'rtl' || dir === 'ltr' ? dir : dirOf(lang || 'en') }
        : this.contextLocale,
    );
    this.themeProvider.setValue(this.theme ?? this.contextTheme);
  }

  protected override render() {
    // A private link that gives no access: its message (built by access-link.ts) instead of the content.
    const failure = this.accessLink && this.linkFailure;
    return failure && this.linkModule
      ? this.linkModule.linkMessage(failure, this.i18n, this.locale, () => this.retryLink())
      : html`<slot></slot>`;
  }
}
