import type { PortalHandlers, Services } from '../context.js';
import type { Db } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { HttpError, notFound, unavailable } from '../errors.js';
import { UploadedFile } from '../http/multipart.js';
import { newId } from '../ids.js';
import { holdContent } from '../retention.js';
import { type ByteRange, RangeNotSatisfiableError, type StoredObject } from '../storage/index.js';
import { type Disposition, PREVIEWABLE } from '../storage.js';

export interface StoredFile {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** Safe file name: no path, no control characters, bounded. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let visible = '';
  for (let i = 0; i < base.length; i++) {
    const code = base.charCodeAt(i);
    if (code > 0x1f && code !== 0x7f) visible += base[i]; // drop C0 controls and DEL
  }
  const cleaned = visible.trim().slice(0, 255);
  return cleaned || 'file';
}

/**
 * Records an uploaded file in the handle's organization. The multipart reader has already streamed
 * it into the storage (limit, type sniffed from its first bytes, SHA-256): see http/multipart.ts.
 */
export async function storeUpload(tx: OrgDb, uploadedBy: string, file: File): Promise<StoredFile> {
  if (!(file instanceof UploadedFile)) throw new Error('storeUpload: the file did not come through the multipart reader');
  // Removed by the retention job between its put and now (it was unused for a day: practically never):
  // the bytes are gone from this request too, so the client sends it again.
  const gone = () => Promise.reject(unavailable('The uploaded content was removed meanwhile; send the upload again.'));
  return recordFile(tx, uploadedBy, cleanFileName(file.name), file.mediaType, file, file.store, gone);
}

/** Stores bytes the server made itself (an invoice's PDF, the seed's files) and records the file in the handle's organization. */
export async function insertFile(
  svc: Pick<Services, 'storage'>,
  tx: OrgDb,
  uploadedBy: string,
  fileName: string,
  mediaType: string,
  bytes: Uint8Array,
): Promise<StoredFile> {
  const stored = await svc.storage.put(bytes);
  return recordFile(tx, uploadedBy, fileName, mediaType, stored, svc.storage, () => svc.storage.put(bytes));
}

async function recordFile(
  tx: OrgDb,
  uploadedBy: string,
  fileName: string,
  mediaType: string,
  { sha256, size }: { sha256: string; size: number },
  store: Pick<Services['storage'], 'exists'> | undefined,
  reput: () => Promise<unknown>,
): Promise<StoredFile> {
  // Keep the content until this transaction has committed the row that refers to it (retention.ts).
  await holdContent(tx, sha256, store, reput);
  const id = newId('fil');
  await tx.query('INSERT INTO files (id, sha256, size, media_type, file_name, uploaded_by) VALUES ($1,$2,$3,$4,$5,$6)', [
    id,
    sha256,
    size,
    mediaType,
    fileName,
    uploadedBy,
  ]);
  return { id, fileName, mediaType, size, sha256 };
}

const CSP = "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'";

function contentDisposition(kind: Disposition, name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * `Services.fileForLink`: what a signed link's download needs, read by the server's own role (a
 * link names no organization; the signature over file and organization is checked next).
 */
export const fileForLink = (db: Db) => async (id: string) => {
  const [f] = await db.query<{ org_id: string; sha256: string; media_type: string; file_name: string; size: string | number }>(
    'SELECT org_id, sha256, media_type, file_name, size FROM files WHERE id = $1',
    [id],
  );
  return f;
};

/**
 * The byte range a request asks for (`Range: bytes=a-b`, `a-`, `-n`), or undefined for the whole
 * file: no Range, another unit, several ranges, a malformed one, or an `If-Range` that no longer
 * matches (RFC 9110: a server may ignore Range, and must when If-Range fails).
 */
export function requestedRange(range: string | undefined, ifRange: string | undefined, etag: string): ByteRange | undefined {
  if (!range || (ifRange !== undefined && ifRange !== etag)) return undefined;
  const m = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(range.trim());
  if (!m || (!m[1] && !m[2])) return undefined;
  if (!m[1]) return { suffix: Number(m[2]) };
  const start = Number(m[1]);
  if (!m[2]) return { start };
  const end = Number(m[2]);
  return end < start ? undefined : { start, end };
}

export const files: PortalHandlers['files'] = {
  async get({ svc, params, query, c }) {
    const exp = Number(query.exp);
    if (!Number.isInteger(exp) || !/^\d{1,12}$/.test(query.exp)) throw notFound('file');
    if (exp * 1000 < Date.now())
      throw new HttpError(403, 'forbidden', 'Forbidden', 'This link has expired; fetch the resource again for a fresh one.');
    const disposition: Disposition = query.disposition === 'inline' ? 'inline' : 'attachment';
    const f = await svc.fileForLink(params.id);
    // A wrong signature answers exactly like a missing file.
    if (!f || !svc.signer.verify(params.id, f.org_id, disposition, exp, query.sig)) throw notFound('file');
    const inline = disposition === 'inline' && PREVIEWABLE.has(f.media_type);
    const contentType = f.media_type === 'text/plain' ? 'text/plain; charset=utf-8' : f.media_type;
    const dispositionHeader = contentDisposition(inline ? 'inline' : 'attachment', f.file_name);
    const { storage, config } = svc;
    if (config.storage.presign && storage.presign) {
      // Straight from the store: the signature covers the same type and disposition (S3 adds no nosniff or CSP: see the README).
      const ttl = Math.min(config.storage.presignTtlSeconds, Math.max(1, exp - Math.floor(Date.now() / 1000)));
      const url = await storage.presign(f.sha256, { contentType, contentDisposition: dispositionHeader, expiresInSeconds: ttl });
      return new Response(null, { status: 302, headers: { Location: url, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });
    }
    const etag = `"${f.sha256}"`;
    const range = requestedRange(c.req.header('range'), c.req.header('if-range'), etag);
    let o: StoredObject | null;
    try {
      o = await storage.get(f.sha256, { range });
    } catch (err) {
      if (err instanceof RangeNotSatisfiableError) {
        throw new HttpError(416, 'range_not_satisfiable', 'Range not satisfiable', `The file has ${err.size} bytes.`, undefined, {
          'Content-Range': `bytes */${err.size}`,
          'Accept-Ranges': 'bytes',
        });
      }
      throw err;
    }
    if (!o) throw notFound('file');
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'Content-Length': String(o.end - o.start + 1),
      'Content-Disposition': dispositionHeader,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': CSP,
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Cache-Control': 'private, max-age=300',
      'Accept-Ranges': 'bytes',
      ETag: etag,
    };
    if (range) headers['Content-Range'] = `bytes ${o.start}-${o.end}/${o.size}`;
    // A HEAD request: the headers only (and the store's stream released).
    if (c.req.method === 'HEAD') {
      await o.body.cancel().catch(() => {});
      return new Response(null, { status: range ? 206 : 200, headers });
    }
    return new Response(o.body, { status: range ? 206 : 200, headers });
  },
};
