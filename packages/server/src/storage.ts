import { createHmac, timingSafeEqual } from 'node:crypto';

/** Every media type `sniffMediaType` can answer: what the server accepts (the upload policy lists it). */
export const ACCEPTED_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'video/mp4',
  'audio/mpeg',
  'application/zip',
  'text/plain',
] as const;

/**
 * Media types the server accepts, recognised from the content's first bytes. `complete: false`
 * says `b` is only the head of the content (a streamed upload): a multi-byte UTF-8 character cut
 * at its end then still counts as text.
 */
export function sniffMediaType(b: Uint8Array, { complete = true }: { complete?: boolean } = {}): string | null {
  const at = (i: number, ...bytes: number[]) => bytes.every((x, k) => b[i + k] === x);
  const ascii = (i: number, s: string) => at(i, ...[...s].map((c) => c.charCodeAt(0)));
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(0, '%PDF-')) return 'application/pdf';
  if (ascii(4, 'ftyp')) return 'video/mp4';
  if (ascii(0, 'ID3') || (b[0] === 0xff && b.length > 1 && ((b[1] ?? 0) & 0xe0) === 0xe0 && ((b[1] ?? 0) & 0x06) !== 0))
    return 'audio/mpeg';
  if (at(0, 0x50, 0x4b, 0x03, 0x04)) return 'application/zip';
  if (isPlainText(b, complete)) return 'text/plain';
  return null;
}

function isPlainText(b: Uint8Array, complete: boolean): boolean {
  if (b.length === 0) return true;
  try {
    // stream: true keeps an unfinished sequence at the end pending instead of failing on it
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: !complete });
  } catch {
    return false;
  }
  for (const x of b) {
    // control characters other than tab, newline, form feed, carriage return mean binary
    if (x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0c && x !== 0x0d) return false;
    if (x === 0x7f) return false;
  }
  return true;
}

/** Types a browser may show inline (inside the sandbox CSP); anything else downloads. */
export const PREVIEWABLE = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'video/mp4',
  'audio/mpeg',
]);

export type Disposition = 'inline' | 'attachment';

/**
 * Short-lived signed file links: HMAC-SHA256 over file id, organization, disposition and
 * expiry, so an `<img src>` works without an Authorization header and a link cannot be
 * moved to another file, organization or disposition, nor used after it expires.
 */
export function createFileSigner(secret: string, ttlSeconds: number) {
  const mac = (id: string, org: string, disposition: Disposition, exp: number) =>
    createHmac('sha256', secret).update(`portico-file\n${id}\n${org}\n${disposition}\n${exp}`).digest('base64url');
  return {
    /** Expiry rounded up to a 5-minute step, so links stay the same (cacheable) for a while. */
    sign(id: string, org: string, disposition: Disposition, now = Date.now()): { exp: number; sig: string } {
      const step = 300;
      const exp = Math.ceil((Math.floor(now / 1000) + ttlSeconds) / step) * step;
      return { exp, sig: mac(id, org, disposition, exp) };
    },
    verify(id: string, org: string, disposition: Disposition, exp: number, sig: string): boolean {
      const want = Buffer.from(mac(id, org, disposition, exp));
      const got = Buffer.from(sig);
      return want.length === got.length && timingSafeEqual(want, got);
    },
  };
}
export type FileSigner = ReturnType<typeof createFileSigner>;
