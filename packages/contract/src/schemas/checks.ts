/**
 * The contract's refinements as named, zod-free functions: the zod schemas use them, and so do the
 * generated validators (`../validators`), which import them by name rather than copying code.
 */

/** An absolute http(s) URL or a same-origin path; `javascript:`, `data:` and `//host` are not. */
export const isSafeUrl = (value: string): boolean => {
  // Browsers drop tabs and line breaks inside URLs ("/\t/evil.example" is "//evil.example"): none allowed.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) return false;
  if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};
export const SAFE_URL_MESSAGE = 'must be an http(s) URL or a path';

/** Requesting changes needs a comment; approving does not. */
export const changesNeedComment = (v: { decision: string; comment?: string | undefined }): boolean =>
  v.decision !== 'changes_requested' || (v.comment ?? '').length > 0;
export const CHANGES_NEED_COMMENT_MESSAGE = 'a comment is required when requesting changes';
