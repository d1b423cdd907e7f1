import type { PortalHandlers, Services } from '../context.js';
import type { Db } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { HttpError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { holdContent } from '../retention.js';
import { type Disposition, PREVIEWABLE, sniffMediaType } from '../storage.js';

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
 * Checks size and type (from the bytes, not the declared type), stores the bytes
 * content-addressed and records the file for an organization.
 */
export async function storeUpload(
  svc: Pick<Services, 'config' | 'storage'>,
  tx: OrgDb,
  uploadedBy: string,
  file: File,
): Promise<StoredFile> {
  if (file.size > svc.config.maxUploadBytes) {
    throw new HttpError(
      413,
      'payload_too_large',
      'Payload too large',
      `Uploads are limited to ${Math.round(svc.config.maxUploadBytes / 1048576)} MB.`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'Unsupported media type',
      'Accepted: PNG, JPEG, GIF, WebP, PDF, plain text, MP4, MP3, ZIP.',
    );
  }
  return insertFile(svc, tx, uploadedBy, cleanFileName(file.name), mediaType, bytes);
}

/** Stores the bytes and records the file in the handle's organization. */
export async function insertFile(
  svc: Pick<Services, 'storage'>,
  tx: OrgDb,
  uploadedBy: string,
  fileName: string,
  mediaType: string,
  bytes: Uint8Array,
) {
  const sha256 = await svc.storage.put(bytes);
  // Keep the content until this transaction has committed the row that refers to it (retention.ts).
  await holdContent(tx, sha256, svc.storage.storage, () => svc.storage.put(bytes));
  const id = newId('fil');
  await tx.query('INSERT INTO files (id, sha256, size, media_type, file_name, uploaded_by) VALUES ($1,$2,$3,$4,$5,$6)', [
    id,
    sha256,
    bytes.length,
    mediaType,
    fileName,
    uploadedBy,
  ]);
  return { id, fileName, mediaType, size: bytes.length, sha256 };
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

export const files: PortalHandlers['files'] = {
  async get({ svc, params, query }) {
    const exp = Number(query.exp);
    if (!Number.isInteger(exp) || !/^\d{1,12}$/.test(query.exp)) throw notFound('file');
    if (exp * 1000 < Date.now())
      throw new HttpError(403, 'forbidden', 'Forbidden', 'This link has expired; fetch the resource again for a fresh one.');
    const disposition: Disposition = query.disposition === 'inline' ? 'inline' : 'attachment';
    const f = await svc.fileForLink(params.id);
    // A wrong signature answers exactly like a missing file.
    if (!f || !svc.signer.verify(params.id, f.org_id, disposition, exp, query.sig)) throw notFound('file');
    const bytes = await svc.storage.get(f.sha256);
    if (!bytes) throw notFound('file');
    const inline = disposition === 'inline' && PREVIEWABLE.has(f.media_type);
    const headers: Record<string, string> = {
      'Content-Type': f.media_type === 'text/plain' ? 'text/plain; charset=utf-8' : f.media_type,
      'Content-Length': String(bytes.length),
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', f.file_name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': CSP,
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Cache-Control': 'private, max-age=300',
      ETag: `"${f.sha256}"`,
    };
    return new Response(new Uint8Array(bytes), { status: 200, headers });
  },
};
