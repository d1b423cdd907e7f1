import type { Translator } from './i18n.js';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * The one file-size formatter of every component (attachments, upload limits and chips, deliverable
 * facts): bytes, kB, MB or GB in steps of 1,024 — as the server counts its limits
 * (`PORTICO_MAX_UPLOAD_MB=25` is 25 × 1,024², shown as "25 MB") — formatted by `Intl` units for
 * the locale: "17 bytes", "1.5 MB", "17 Byte", "١٫٥ ميغابايت".
 */
export function fileSize(i18n: Pick<Translator, 'number'>, bytes: number): string {
  let value = Math.max(0, bytes) || 0;
  let unit = 0;
  // 1,023.97 kB would round to "1,024 kB": it is "1 MB".
  while ((unit ? Math.round(value * 10) / 10 : value) >= 1024 && unit < UNITS.length - 1) {
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
