import type { Catalog, Message, MessageKey, PluralMessage } from './catalog.js';
import { ar } from './messages/ar.js';
import { de } from './messages/de.js';
import { en } from './messages/en.js';

export type { Catalog, Message, MessageKey, PluralMessage } from './catalog.js';

const catalogs = new Map<string, Partial<Catalog>>([
  ['en', en],
  ['de', de],
  ['ar', ar],
]);

/** Adds or extends a language (`lang` is the primary subtag, e.g. `fr`). Missing keys fall back to English. */
export function registerMessages(lang: string, messages: Partial<Catalog>): void {
  const key = lang.toLowerCase();
  catalogs.set(key, { ...catalogs.get(key), ...messages });
  cache.clear();
}

const RTL_LANGS = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);
/** Writing direction of a language tag when nothing in the page says. */
export const dirOf = (lang: string): 'ltr' | 'rtl' => (RTL_LANGS.has(primary(lang)) ? 'rtl' : 'ltr');

const primary = (lang: string) => lang.toLowerCase().split(/[-_]/)[0] ?? 'en';

const canonical = (lang: string): string => {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
};

type Params = Record<string, string | number>;

/** All user-visible text and every number, amount and date of one locale. */
export interface Translator {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  /** The message `key` with `{placeholders}` filled; plural messages pick their form by `params.count`. */
  t(key: MessageKey, params?: Params): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** An amount in integer minor units (cents) of an ISO 4217 currency, e.g. `money(1999, 'EUR')` → `€19.99`. */
  money(minor: number, currency: string): string;
  date(value: string | number | Date, options?: Intl.DateTimeFormatOptions): string;
  /** "in 3 hours", "yesterday", "2 minutes ago" relative to `now`. */
  relativeTime(value: string | number | Date, now?: number): string;
}

const cache = new Map<string, Translator>();

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
  const catalog = catalogs.get(primary(lang)) ?? {};
  const plurals = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const moneyFormats = new Map<string, { format: Intl.NumberFormat; digits: number }>();

  const fill = (text: string, params: Params | undefined) =>
    params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? format(params[name]!) : m)) : text;
  const format = (v: string | number) => (typeof v === 'number' ? numbers.format(v) : v);

  const t = (key: MessageKey, params?: Params): string => {
    const message: Message | undefined = catalog[key] ?? (en as Catalog)[key];
    if (message === undefined) return key;
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
    date: (value, options = { dateStyle: 'medium' }) => new Intl.DateTimeFormat(lang, options).format(new Date(value)),
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
