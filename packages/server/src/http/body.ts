import { createHash } from 'node:crypto';
import { type EndpointDef, fromWire } from '@portico/contract';
import type { Context } from 'hono';
import type { Config } from '../config.js';
import { badRequest, HttpError } from '../errors.js';

const JSON_LIMIT = 1024 * 1024;

export interface RequestBody {
  /** The body with camelCase keys, not validated yet. */
  value: unknown;
  /** SHA-256 of what the body says (the Idempotency-Key fingerprint). */
  fingerprint: string;
}

const tooLarge = (config: Pick<Config, 'maxUploadBytes'>) =>
  new HttpError(413, 'payload_too_large', 'Payload too large', `Uploads are limited to ${Math.round(config.maxUploadBytes / 1048576)} MB.`);

/** Reads a mutation's JSON or multipart body, within the size limits. */
export async function readBody(c: Context, e: EndpointDef, config: Pick<Config, 'maxUploadBytes'>): Promise<RequestBody> {
  const length = Number(c.req.header('content-length') ?? 0);
  if (e.bodyKind === 'multipart') {
    if (length > config.maxUploadBytes + 256 * 1024) throw tooLarge(config);
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data'))
      throw new HttpError(415, 'unsupported_media_type', 'Unsupported media type', 'Send multipart/form-data.');
    let form: Record<string, unknown>;
    try {
      form = (await c.req.parseBody()) as Record<string, unknown>;
    } catch {
      throw badRequest('The multipart body could not be read.');
    }
    const hash = createHash('sha256');
    for (const [k, v] of Object.entries(form).sort(([a], [b]) => a.localeCompare(b))) {
      if (v instanceof File) {
        if (v.size > config.maxUploadBytes) throw tooLarge(config);
        const bytes = new Uint8Array(await v.arrayBuffer());
        hash.update(`${k}=file:${v.name}:${createHash('sha256').update(bytes).digest('hex')}\n`);
      } else hash.update(`${k}=${JSON.stringify(v)}\n`);
    }
    return { value: fromWire(form), fingerprint: hash.digest('hex') };
  }
  if (length > JSON_LIMIT) throw new HttpError(413, 'payload_too_large', 'Payload too large', 'JSON bodies are limited to 1 MiB.');
  const text = await c.req.text();
  if (text.length > JSON_LIMIT) throw new HttpError(413, 'payload_too_large', 'Payload too large', 'JSON bodies are limited to 1 MiB.');
  if (!e.body) return { value: undefined, fingerprint: '' };
  let parsed: unknown = {};
  if (text.trim()) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw badRequest('The body is not valid JSON.');
    }
  }
  return { value: fromWire(parsed), fingerprint: createHash('sha256').update(text).digest('hex') };
}
