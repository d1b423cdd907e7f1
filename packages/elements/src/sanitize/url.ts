// Kept apart from the sanitizer so that a component checking a link does not load it.

/** True for a relative URL or an absolute http(s) one. Browsers ignore tabs, newlines and leading controls in schemes, so we do too. */
export function isSafeUrl(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const v = value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v);
  // Attribute values arrive entity-decoded, so "&#58;" tricks show up here as a real scheme.
  return scheme ? /^https?$/i.test(scheme[1]!) && URL.canParse(v) : true;
}
