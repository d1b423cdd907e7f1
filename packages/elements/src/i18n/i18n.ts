import type { Message, MessageKey, PluralMessage } from './catalog.js';
import { en } from './messages/en.js';

export type { Catalog, CoreMessageKey, Message, MessageKey, PluralMessage } from './catalog.js';

/**
 * Messages per language (primary subtag). English is always present; every other language is
 * loaded on first use, in pieces: the shared catalog and each component's own catalog register
 * a loader, so a page ships only the English strings of the components it uses and fetches
 * German or Arabic only when a German or Arabic page asks for them.
 */
const catalogs = new Map<string, Record<string, Message>>([['en', { ...en }]]);
/** Loads a piece of a language's catalog: `() => import('./x.messages.de.js').then((m) => m.de)`. */
export type LocaleLoader = () => Promise<Record<string, Message>>;
type Loader = LocaleLoader;
// The shared catalog's own translations, loaded like any component's (an initial value, so that
// importing this module registers nothing).
const pending = new Map<string, Loader[]>([
  ['de', [() => import('./messages/de.js').then((m) => m.de)]],
  ['ar', [() => import('./messages/ar.js').then((m) => m.ar)]],
]);
const requested = new Set<string>();
const inflight = new Map<string, Promise<void>>();
const listeners = new Set<(lang: string) => void>();

/** Adds or extends a language (`lang` is the primary subtag, e.g. `fr`). Missing keys fall back to English. */
export function registerMessages(lang: string, messages: Partial<Record<MessageKey, Message>>): void {
  const key = primary(lang);
  catalogs.set(key, { ...catalogs.get(key), ...(messages as Record<string, Message>) });
  notify(key);
}

/**
 * Registers a lazy piece of a language's catalog (`() => import('./x.messages.de.js').then(m => m.de)`).
 * It runs the first time an element renders in that language, or at once when the language was
 * already asked for.
 */
export function registerLocaleLoader(lang: string, load: Loader): void {
  const key = primary(lang);
  pending.set(key, [...(pending.get(key) ?? []), load]);
  if (requested.has(key)) void loadLocale(key);
}

/** Loads every registered piece of a language. Resolves when its messages are in place. */
export function loadLocale(lang: string): Promise<void> {
  const key = primary(lang);
  requested.add(key);
  const loaders = pending.get(key) ?? [];
  pending.delete(key);
  if (!loaders.length) return inflight.get(key) ?? Promise.resolve();
  const previous = inflight.get(key) ?? Promise.resolve();
  const run = Promise.all([previous, ...loaders.map((load) => load().then((m) => registerMessages(key, m)))]).then(() => undefined);
  inflight.set(key, run);
  return run;
}

/** Calls back whenever a language gained messages (elements re-render). Returns the unsubscribe. */
export function onMessagesChanged(listener: (lang: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(lang: string): void {
  for (const listener of listeners) listener(lang);
}

const RTL_LANGS = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);
/** Writing direction of a language tag when nothing in the page says. */
export const dirOf = (lang: string): 'ltr' | 'rtl' => (RTL_LANGS.has(primary(lang)) ? 'rtl' : 'ltr');

const primary = (lang: string) => lang.toLowerCase().split(/[-_]/)[0] || 'en';
/** The primary language subtag: `de-CH` → `de`. */
export const primaryLang = primary;

const canonical = (lang: string): string => {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
};

type Params = Record<string, string | number>;

/**
 * All user-visible text and every number, amount and date of one locale. `K` is the set of keys
 * `t` takes: a component's translator (`this.i18n`) takes its own keys and the shared ones only,
 * so a misspelt or foreign key is a type error.
 */
export interface Translator<K extends string = MessageKey> {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  /** The message `key` with `{placeholders}` filled; plural messages pick their form by `params.count`. */
  t(key: K, params?: Params): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** An amount in integer minor units (cents) of an ISO 4217 currency, e.g. `money(1999, 'EUR')` → `€19.99`. */
  money(minor: number, currency: string): string;
  date(value: string | number | Date, options?: Intl.DateTimeFormatOptions): string;
  /** "in 3 hours", "yesterday", "2 minutes ago" relative to `now`. */
  relativeTime(value: string | number | Date, now?: number): string;
}

const cache = new Map<string, Translator>();
const MEDIUM_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

/** The translator of a BCP 47 tag (cached). Unknown languages fall back to English text with the locale's formats. */
export function translator(lang = 'en'): Translator {
  const tag = canonical(lang || 'en');
  let tr = cache.get(tag);
  if (!tr) {
    tr = createTranslator(tag);
    cache.set(tag, tr);
  }
  return tr;
}

function createTranslator(lang: string): Translator {
  const key = primary(lang);
  const plurals = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const moneyFormats = new Map<string, { format: Intl.NumberFormat; digits: number }>();
  const dateFormats = new Map<string, Intl.DateTimeFormat>();

  const fill = (text: string, params: Params | undefined) =>
    params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? format(params[name]!) : m)) : text;
  const format = (v: string | number) => (typeof v === 'number' ? numbers.format(v) : v);

  const t = (id: string, params?: Params): string => {
    if (pending.has(key)) void loadLocale(key); // shows English until the language arrives
    const message: Message | undefined = catalogs.get(key)?.[id] ?? catalogs.get('en')?.[id];
    if (message === undefined) return id;
    if (typeof message === 'string') return fill(message, params);
    const count = Number(params?.count ?? 0);
    const form = (message as PluralMessage)[plurals.select(count)] ?? message.other;
    return fill(form, params);
  };

  return {
    lang,
    dir: dirOf(lang),
    t,
    number: (value, options) => (options ? new Intl.NumberFormat(lang, options) : numbers).format(value),
    money(minor, currency) {
      let entry = moneyFormats.get(currency);
      if (!entry) {
        const format = new Intl.NumberFormat(lang, { style: 'currency', currency });
        entry = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
        moneyFormats.set(currency, entry);
      }
      return entry.format.format(minor / 10 ** entry.digits);
    },
    date(value, options = MEDIUM_DATE) {
      // Formatters are costly to build and a long list formats thousands of dates: one per options.
      const cacheKey = options === MEDIUM_DATE ? '' : JSON.stringify(options);
      let format = dateFormats.get(cacheKey);
      if (!format) {
        format = new Intl.DateTimeFormat(lang, options);
        dateFormats.set(cacheKey, format);
      }
      return format.format(new Date(value));
    },
    relativeTime(value, now = Date.now()) {
      const seconds = (new Date(value).getTime() - now) / 1000;
      const abs = Math.abs(seconds);
      const [amount, unit]: [number, Intl.RelativeTimeFormatUnit] =
        abs < 45
          ? [seconds, 'second']
          : abs < 2700
            ? [seconds / 60, 'minute']
            : abs < 79200
              ? [seconds / 3600, 'hour']
              : abs < 86400 * 26
                ? [seconds / 86400, 'day']
                : abs < 86400 * 320
                  ? [seconds / (86400 * 30.44), 'month']
                  : [seconds / (86400 * 365.25), 'year'];
      return relative.format(Math.round(amount), unit);
    },
  };
}

/**
 * The language and direction in effect for `el`: its own `lang`/`dir`, else the nearest ancestor's
 * (across shadow roots), else the document's, else the browser's language.
 */
export function resolveLocale(el: Element): { lang: string; dir: 'ltr' | 'rtl' } {
  const lang = closestAttr(el, 'lang') || document.documentElement.lang || navigator.language || 'en';
  const dir = closestAttr(el, 'dir');
  return { lang, dir: dir === 'rtl' || dir === 'ltr' ? dir : dirOf(lang) };
}

function closestAttr(el: Element, name: 'lang' | 'dir'): string | null {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest(`[${name}]`);
    if (found) {
      const v = found.getAttribute(name);
      if (v && v !== 'auto') return v;
      node = found.parentElement ?? hostOf(found);
      continue;
    }
    node = hostOf(node);
  }
  return null;
}

const hostOf = (el: Element): Element | null => {
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
};
