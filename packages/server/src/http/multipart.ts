import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { type EndpointDef, fromWire } from '@portico/contract';
import busboy from 'busboy';
import type { Context } from 'hono';
import type { Config } from '../config.js';
import type { Services } from '../context.js';
import { badRequest } from '../errors.js';
import { TooLargeError } from '../storage/index.js';
import { sniffMediaType } from '../storage.js';
import type { RequestBody } from './body.js';
import { bodyChunks, payloadTooLarge, unsupportedMediaType } from './body.js';
import { header } from './headers.js';

/** What a multipart body may carry besides its files: form fields, headers, boundaries. */
const FORM_OVERHEAD = 1024 * 1024;
/** Longest form field (the longest text field of a multipart body in the contract is 10 000 characters). */
const FIELD_LIMIT = 64 * 1024;

/**
 * An uploaded file as the handlers see it: already streamed into the storage (hashed, counted,
 * typed from its first bytes). A `File` so that the contract's `z.file()` accepts it; its bytes
 * are in the storage, not here.
 */
export class UploadedFile extends File {
  constructor(
    name: string,
    /** Sniffed from the content, not the declared type. */
    readonly mediaType: string,
    readonly sha256: string,
    private readonly storedSize: number,
    /** Where it was stored: the transaction recording it checks, under the content's lock, that it is still there. */
    readonly store?: Pick<Services['storage'], 'exists'>,
  ) {
    super([], name, { type: mediaType });
  }
  override get size(): number {
    return this.storedSize;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new Error('An uploaded file is in the storage: read it from there by its sha256.'));
  }
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    throw new Error('An uploaded file is in the storage: read it from there by its sha256.');
  }
  override text(): Promise<string> {
    return this.arrayBuffer() as never;
  }
}

export const tooLargeUpload = (config: Pick<Config, 'maxUploadBytes'>) =>
  payloadTooLarge(`Uploads are limited to ${Math.round(config.maxUploadBytes / 1048576)} MB.`);

/** Refuses a content whose first bytes are none of the accepted types (415). */
const sniff = (head: Uint8Array, { complete }: { complete: boolean }) => {
  const type = sniffMediaType(head, { complete });
  if (!type) throw unsupportedMediaType('Accepted: PNG, JPEG, GIF, WebP, PDF, plain text, MP4, MP3, ZIP.');
  return type;
};

/** The keys of a body schema whose value is a file (`z.file()`, optional or not). */
function fileKeys(schema: unknown): Set<string> {
  type Def = { type: string; shape?: Record<string, unknown>; innerType?: unknown };
  const def = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;
  const keys = new Set<string>();
  for (const [k, v] of Object.entries(def(schema).shape ?? {})) {
    let d = def(v);
    while (d.innerType) d = def(d.innerType);
    if (d.type === 'file') keys.add(k);
  }
  return keys;
}

/**
 * A multipart body, parsed as it streams in (busboy): each file part goes straight into the
 * storage (`put` with the upload limit → 413, its first bytes sniffed → 415, both before the rest
 * is read), so a file is never held in memory, and a refused one is not read further. Form fields
 * are bounded; the whole request may carry the upload limit plus 1 MiB. The handlers get each file
 * as an `UploadedFile` (sha256, size, sniffed type) and record it in their transaction.
 */
export async function readMultipart(
  c: Context,
  e: EndpointDef,
  svc: { config: Pick<Config, 'maxUploadBytes'>; storage: Services['storage'] },
): Promise<RequestBody> {
  const type = header(c, 'content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) throw unsupportedMediaType('Send multipart/form-data.');
  const files = fileKeys(e.body);
  const { maxUploadBytes } = svc.config;

  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: { 'content-type': type },
      defParamCharset: 'utf8',
      limits: { files: files.size, fields: 50, parts: files.size + 50, fieldSize: FIELD_LIMIT, fieldNameSize: 200 },
    });
  } catch {
    throw badRequest('The multipart body has no boundary.');
  }

  const fields: Record<string, string> = Object.create(null);
  const stored = new Map<string, Promise<UploadedFile>>();
  let fail!: (err: unknown) => void;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {}); // raced below; never an unhandled rejection
  let finished!: () => void;
  const closed = new Promise<void>((resolve) => {
    finished = resolve;
  });

  bb.on('field', (name, value, info) => {
    if (info.nameTruncated) fail(badRequest('A form field name is too long.'));
    else if (info.valueTruncated) fail(payloadTooLarge(`Form field ${name} is longer than ${FIELD_LIMIT / 1024} KiB.`));
    else fields[name] = value;
  });
  bb.on('file', (name: string, stream: Readable, info: busboy.FileInfo) => {
    // Its failures reach the put reading it (or nobody needs them, once the request failed).
    stream.on('error', () => {});
    if (!files.has(name) || stored.has(name)) {
      stream.resume();
      fail(badRequest(`Unexpected file field ${name}: send one file as ${[...files].join(', ') || 'no field'}.`));
      return;
    }
    let mediaType = '';
    const put = svc.storage
      .put(stream, {
        maxBytes: maxUploadBytes,
        onHead: (head, at) => {
          mediaType = sniff(head, at);
        },
      })
      .then((r) => new UploadedFile(info.filename ?? 'file', mediaType, r.sha256, r.size, svc.storage));
    put.catch(fail);
    stored.set(name, put);
  });
  bb.on('partsLimit', () => fail(payloadTooLarge('The form has too many parts.')));
  bb.on('filesLimit', () => fail(badRequest(`Send one file as ${[...files].join(', ')}.`)));
  bb.on('fieldsLimit', () => fail(payloadTooLarge('The form has too many fields.')));
  bb.on('error', () => fail(badRequest('The multipart body could not be read.')));
  bb.on('close', () => finished());

  const pump = async () => {
    // Leaving the loop (a failure elsewhere included) stops reading the request body.
    for await (const chunk of bodyChunks(c, maxUploadBytes + FORM_OVERHEAD, () => tooLargeUpload(svc.config))) {
      if (!bb.write(chunk)) await Promise.race([new Promise<void>((resolve) => bb.once('drain', resolve)), failed]);
    }
    bb.end();
    await closed;
  };
  const pumping = pump();
  pumping.catch(() => {}); // raced below
  try {
    await Promise.race([pumping, failed]);
    const value: Record<string, unknown> = Object.assign(Object.create(null), fields);
    for (const [name, p] of stored) value[name] = await Promise.race([p, failed]);
    const hash = createHash('sha256');
    for (const [k, v] of Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (v instanceof UploadedFile) hash.update(`${k}=file:${v.name}:${v.sha256}\n`);
      else hash.update(`${k}=${JSON.stringify(v)}\n`);
    }
    return { value: fromWire(value), fingerprint: hash.digest('hex') };
  } catch (err) {
    // Stop everything still running: the parser, and with it the file streams the puts read.
    bb.destroy();
    for (const p of stored.values()) p.catch(() => {});
    if (err instanceof TooLargeError) throw tooLargeUpload(svc.config);
    throw err;
  }
}
