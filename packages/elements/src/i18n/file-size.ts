import type { Translator } from './i18n.js';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * A file size for people: bytes, kB, MB or GB (steps of 1,024, as the server counts its upload
 * limit), formatted by `Intl` for the locale: "17 bytes", "1.5 MB", "25 MB".
 */
export function fileSize(i18n: Pick<Translator, 'number'>, bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return i18n.number(value, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: unit ? 'short' : 'long',
    maximumFractionDigits: unit ? 1 : 0,
  });
}
