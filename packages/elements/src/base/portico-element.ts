import { type CSSResultGroup, LitElement, type PropertyDeclarations } from 'lit';
import type { PorticoClientLike } from '../context/client.js';
import { clientContext, localeContext, type PorticoLocale, type PorticoTheme, themeContext } from '../context/contexts.js';
import { attachContextRoot, consume } from '../context/protocol.js';
import type { PorticoEventDetailMap, PorticoEventName } from '../events/events.js';
import { type CoreMessageKey, onMessagesChanged, primaryLang, resolveLocale, type Translator, translator } from '../i18n/i18n.js';
import { reset } from '../styles/reset.styles.js';
import { tokens } from '../styles/tokens.css.js';
import { type Resources, useResources } from './resources.js';

const ROOT_FLAG = Symbol.for('portico.context-root');
const waits = new WeakMap<PorticoElement, Promise<unknown>[]>();

/**
 * Makes `host.updateComplete` wait for `work` as well — a module loaded on demand that the next
 * render needs (the virtualizer of a long table, the upload chips after the first file is picked)
 * — and renders again once it is there, so that `await el.updateComplete` still means "what the
 * element shows is final". If `work` fails, nothing renders again (the next render may try again)
 * and `updateComplete` does not reject. A function, not a method: it is no API of the elements.
 */
export function waitFor(host: PorticoElement, work: Promise<unknown>): void {
  waits.set(host, [
    ...(waits.get(host) ?? []),
    work.then(
      () => host.requestUpdate(),
      () => undefined,
    ),
  ]);
}

/**
 * The base of every Portico component: design tokens and reset styles in the shadow root, the
 * client / locale / theme from the nearest `<portico-provider>` (a component's own `.client`,
 * `lang`, `dir` or `theme` wins), a typed `emit()` and a `define()` that tolerates a second
 * registration.
 */
export class PorticoElement<K extends string = never> extends LitElement {
  static override styles: CSSResultGroup = [tokens, reset];

  /** Messages, languages and endpoint groups of the component: registered by its first element (see `Resources`). */
  static resources?: Resources;

  /**
   * Registers the element under `tag` unless that tag is taken. A second call (or a second copy
   * of the bundle) is harmless; a different class under the same tag only warns.
   */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    const existing = registry.get(tag);
    if (existing) {
      if (existing !== this) console.warn(`[portico] <${tag}> is already defined by another class; keeping the first.`);
      return;
    }
    registry.define(tag, this);
  }

  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    theme: { reflect: true },
    surface: { reflect: true },
    contextClient: { state: true },
    contextLocale: { state: true },
    contextTheme: { state: true },
  };

  /**
   * The API client. Set it directly, or let a `<portico-provider>` ancestor supply it; this
   * property wins over the provider's.
   */
  client?: PorticoClientLike;

  /** Colour scheme: `light`, `dark` or `auto` (follows the OS). Unset, the provider's theme applies. */
  theme?: PorticoTheme;

  /**
   * The component's outer surface. Unset, it has none: it shows the page behind it (transparent)
   * and blends into the host. `card` draws one: background, border, rounded corners and padding
   * from the `--portico-*` tokens.
   */
  surface?: 'card';

  /** The nearest provider's client, locale and theme (the context protocol, updated when they change). */
  protected contextClient?: PorticoClientLike;
  protected contextLocale?: PorticoLocale;
  protected contextTheme?: PorticoTheme;

  protected readonly internals: ElementInternals;

  constructor() {
    super();
    useResources((this.constructor as typeof PorticoElement).resources);
    this.internals = this.attachInternals();
    consume(this, clientContext, (v) => (this.contextClient = v));
    consume(this, localeContext, (v) => (this.contextLocale = v));
    consume(this, themeContext, (v) => (this.contextTheme = v));
  }

  /** The client in effect: this element's own, else the provider's. */
  get effectiveClient(): PorticoClientLike | undefined {
    return this.client ?? this.contextClient;
  }

  /** Language and direction in effect: own `lang`/`dir`, else the provider's, else the nearest ancestor's or the document's. */
  get locale(): PorticoLocale {
    const ownLang = this.getAttribute('lang');
    const ownDir = this.getAttribute('dir');
    const found = resolveLocale(this);
    const lang = ownLang || this.contextLocale?.lang || found.lang;
    const dir = ownDir === 'rtl' || ownDir === 'ltr' ? ownDir : (this.contextLocale?.dir ?? found.dir);
    return { lang, dir };
  }

  /** Messages (the component's own keys and the shared ones) and `Intl` formats for the locale in effect. */
  get i18n(): Translator<K | CoreMessageKey> {
    return translator(this.locale.lang);
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang', 'dir'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' || name === 'dir') this.requestUpdate();
  }

  override connectedCallback(): void {
    // A provider upgraded after its consumers must still reach them: one ContextRoot per document
    // replays their requests. Attached at run time, never at import.
    const doc = this.ownerDocument as Document & { [ROOT_FLAG]?: boolean };
    if (!doc[ROOT_FLAG]) {
      doc[ROOT_FLAG] = true;
      attachContextRoot(doc.documentElement);
    }
    super.connectedCallback();
    this.stopMessages = onMessagesChanged((lang) => {
      if (lang === primaryLang(this.locale.lang)) this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopMessages?.();
  }

  private stopMessages?: () => void;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const theme = this.theme ?? this.contextTheme ?? 'auto';
    const states = this.internals.states;
    states.delete('light');
    states.delete('dark');
    if (theme !== 'auto') states.add(theme);
  }

  /** Also waits for the work given to `waitFor()`, and for the render after it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const work = waits.get(this);
    waits.delete(this);
    return work ? Promise.all(work).then(() => this.getUpdateComplete()) : done;
  }

  /**
   * Fires a typed `portico-…` event that bubbles and crosses shadow roots. Returns `false` when
   * a listener called `preventDefault()` on a cancelable event.
   */
  emit<K extends PorticoEventName>(name: K, detail: PorticoEventDetailMap[K], options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable: options.cancelable ?? false, detail }));
  }
}
