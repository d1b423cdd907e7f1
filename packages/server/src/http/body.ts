import { createHash } from 'node:crypto';
import { type EndpointDef, fromWire, MAX_NESTING } from '@portico/contract';
import type { Context } from 'hono';
import type { Config } from '../config.js';
import type { Services } from '../context.js';
import { badRequest, HttpError, validationFailed } from '../errors.js';
import { header } from './headers.js';
import { readMultipart } from './multipart.js';

/** Most bytes of a JSON body, counted as they arrive (before anything is parsed). */
export const JSON_LIMIT = 1024 * 1024;

export interface RequestBody {
  /** The body with camelCase keys, not validated yet. */
  value: unknown;
  /** SHA-256 of what the body says (the Idempotency-Key fingerprint). */
  fingerprint: string;
}

export const payloadTooLarge = (detail: string) =>
  new HttpError(413, 'payload_too_large', 'Payload too large', detail, undefined, { Connection: 'close' });
export const unsupportedMediaType = (detail: string) =>
  new HttpError(415, 'unsupported_media_type', 'Unsupported media type', detail, undefined, { Connection: 'close' });

/** The media type of the request (`type/subtype`, lower case) and its charset parameter, if any. */
function mediaType(c: Context): { type: string; charset?: string } | null {
  const raw = header(c, 'content-type');
  if (!raw) return null;
  const [type = '', ...params] = raw.split(';');
  const charset = params
    .map((p) => /^\s*charset\s*=\s*"?([^";\s]*)"?\s*$/i.exec(p)?.[1])
    .find((v) => v !== undefined)
    ?.toLowerCase();
  return { type: type.trim().toLowerCase(), charset };
}

/** `application/json` or any `+json` type, in UTF-8 (RFC 8259: JSON exchanged between systems is UTF-8). */
const isJson = (m: { type: string; charset?: string } | null) =>
  !!m &&
  (m.type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(m.type)) &&
  (!m.charset || m.charset === 'utf-8' || m.charset === 'utf8');

/**
 * The request body, chunk by chunk, counted as it arrives: a declared `Content-Length` over
 * `limit` is refused before anything is read, and a body that passes `limit` while streaming
 * (chunked, or longer than it said) stops being read at that point. Either way `tooLarge` is
 * thrown; the rest of the body is never read (the HTTP server drains a little of it, then closes
 * the connection: the refusal says `Connection: close`).
 */
export async function* bodyChunks(c: Context, limit: number, tooLarge: () => HttpError): AsyncGenerator<Uint8Array, void, undefined> {
  const declared = header(c, 'content-length');
  if (declared !== undefined && Number(declared) > limit) throw tooLarge();
  const body = c.req.raw.body;
  if (!body) return;
  const reader = body.getReader();
  let count = 0;
  let ended = false;
  try {
    for (;;) {
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch {
        throw badRequest('The request body could not be read (the connection broke off).');
      }
      if (r.done) {
        ended = true;
        return;
      }
      count += r.value.byteLength;
      if (count > limit) throw tooLarge();
      yield r.value;
    }
  } finally {
    if (!ended) void reader.cancel().catch(() => {});
  }
}

/**
 * Where a JSON text nests more than `max` arrays and objects in one another: the wire path to the
 * container that is one too deep (keys as sent, indexes as numbers), or null. Strings are skipped;
 * the text need not be valid JSON (JSON.parse judges that afterwards).
 */
export function tooDeep(text: string, max: number): string[] | null {
  // One entry per open container: the key (objects) or index (arrays) currently inside it.
  const keys: string[] = [];
  const isArray: boolean[] = [];
  let lastString = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) {
      let j = i + 1;
      while (j < text.length) {
        const d = text.charCodeAt(j);
        if (d === 0x5c) j += 2;
        else if (d === 0x22) break;
        else j++;
      }
      lastString = text.slice(i + 1, j);
      i = j;
    } else if (ch === 0x7b || ch === 0x5b) {
      if (keys.length === max) return [...keys];
      const array = ch === 0x5b;
      isArray.push(array);
      keys.push(array ? '0' : '');
    } else if (ch === 0x7d || ch === 0x5d) {
      isArray.pop();
      keys.pop();
    } else if (ch === 0x3a && keys.length && !isArray[isArray.length - 1]) {
      let key = lastString;
      try {
        key = JSON.parse(`"${lastString}"`);
      } catch {}
      keys[keys.length - 1] = key;
    } else if (ch === 0x2c && keys.length && isArray[isArray.length - 1]) {
      keys[keys.length - 1] = String(Number(keys[keys.length - 1]) + 1);
    }
  }
  return null;
}

/** The named path of a nesting error, bounded (a hostile body may use very long keys). */
const pathOf = (keys: string[]) => {
  const path = ['body', ...keys].join('.');
  return path.length > 200 ? `${path.slice(0, 199)}…` : path;
};

/** A mutation's JSON body: JSON type, at most 1 MiB (counted while streaming), nesting checked before parsing. */
async function readJson(c: Context, e: EndpointDef): Promise<RequestBody> {
  const type = mediaType(c);
  // An endpoint without a body accepts an empty one whatever it is declared as.
  if (e.body && !isJson(type)) throw unsupportedMediaType('Send the body as application/json (UTF-8).');
  if (!e.body && type && !isJson(type) && Number(header(c, 'content-length') ?? 1) > 0) {
    throw unsupportedMediaType('This endpoint takes no body; send none, or JSON.');
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of bodyChunks(c, JSON_LIMIT, () => payloadTooLarge('JSON bodies are limited to 1 MiB.'))) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  if (!e.body) {
    if (bytes.length && !isJson(type)) throw unsupportedMediaType('This endpoint takes no body; send none, or JSON.');
    return { value: undefined, fingerprint: '' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('The body is not valid UTF-8.');
  }
  let parsed: unknown = {};
  if (text.trim()) {
    const deep = tooDeep(text, MAX_NESTING);
    if (deep) throw validationFailed([{ path: pathOf(deep), message: `nested deeper than ${MAX_NESTING} levels` }]);
    try {
      parsed = JSON.parse(text);
    } catch {
      throw badRequest('The body is not valid JSON.');
    }
  }
  return { value: fromWire(parsed), fingerprint: createHash('sha256').update(bytes).digest('hex') };
}

/** Reads a mutation's JSON or multipart body, within the size limits. */
export async function readBody(c: Context, e: EndpointDef, svc: { config: Pick<Config, 'maxUploadBytes'>; storage: Services['storage'] }) {
  return e.bodyKind === 'multipart' ? readMultipart(c, e, svc) : readJson(c, e);
}
