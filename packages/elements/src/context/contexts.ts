import type { PorticoClientLike } from './client.js';
import { createContext } from './protocol.js';

/** Effective colour scheme. `auto` follows `prefers-color-scheme`. */
export type PorticoTheme = 'light' | 'dark' | 'auto';

/** Language and writing direction a provider hands down. */
export interface PorticoLocale {
  /** BCP 47 tag, e.g. `de-AT`. */
  lang: string;
  dir: 'ltr' | 'rtl';
}

// Keys made with Symbol.for(): two copies of this bundle on one page still find each other.
export const clientContext = createContext<PorticoClientLike | undefined>(Symbol.for('portico-client'));
export const localeContext = createContext<PorticoLocale | undefined>(Symbol.for('portico-locale'));
export const themeContext = createContext<PorticoTheme | undefined>(Symbol.for('portico-theme'));
