/**
 * Resumable uploads (the tus protocol 1.0: core, creation, termination, expiration) for files of
 * document requests, at `/portal/v1/resumable-uploads` — `@tus/server` behind Hono.
 *
 * - Auth and tenancy: every request carries the portal token (checked here, before tus sees the
 *   request). Creating an upload checks the project, request and item in the caller's
 *   organization (`db.forOrg`) and stamps the upload's metadata with the organization and contact;
 *   any later request on that upload (HEAD, PATCH, DELETE) must come from the same contact of the
 *   same organization, or it answers 404 as for an upload that does not exist.
 * - Bytes: `@tus/file-store` appends each PATCH to a partial file on disk (`<PORTICO_FILES_DIR>/resumable`),
 *   streamed: nothing is held in memory but a stream's buffer. When the last byte is in, the file
 *   is streamed into the configured `Storage` (disk, `file_chunks`, S3) with the item's size
 *   limit, the type sniffed from its first bytes and the SHA-256 the client sent in the metadata
 *   (`sha256`): a mismatch answers 460 (the tus checksum status) and stores nothing. Then the file
 *   is recorded for the item in one transaction and the partial file is removed.
 * - Several processes: the partial files are on the process's disk, so a load balancer must send an
 *   upload's requests to one process (or the directory must be shared), and the lock of an upload is
 *   the process's (`MemoryLocker`). The finished file lands in the shared storage.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { API_PREFIX, RESUMABLE_PATH } from '@portico/contract';
import { MAX_ITEM_BYTES } from '@portico/contract/staff';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import type { Context, Hono } from 'hono';
import { guardGuest } from '../access-links/guard.js';
import type { Principal } from '../auth.js';
import type { Config } from '../config.js';
import type { Services } from '../context.js';
import type { Db } from '../db/db.js';
import { HttpError, notFound, problemBody, validationFailed } from '../errors.js';
import { attachToItem, checkUploadable, type FileUrl, lockItem, requestById } from '../routes/document-requests.js';
import { cleanFileName, storeUpload } from '../routes/files.js';
import { ChecksumMismatchError, SHA256_RE, TooLargeError } from '../storage/index.js';
import { sniffMediaType } from '../storage.js';
import { portalPrincipal } from './authenticate.js';
import { UploadedFile } from './multipart.js';

/** Metadata keys only the server sets. */
const SERVER_KEYS = ['org_id', 'contact_id', 'contact_name'];

/** `Upload-Metadata`: comma-separated `key base64value` pairs. */
export function parseMetadata(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (header ?? '').split(',')) {
    const [k, v] = pair.trim().split(' ');
    if (!k) continue;
    out[k] = v ? Buffer.from(v, 'base64').toString('utf8') : '';
  }
  return out;
}
const encodeMetadata = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`)
    .join(',');

const problem = (err: HttpError) =>
  new Response(JSON.stringify(problemBody(err)), {
    status: err.status,
    headers: { 'Content-Type': 'application/problem+json', 'Tus-Resumable': '1.0.0' },
  });

/** What the tus hooks throw to answer with a status and a body. */
const tusError = (err: HttpError, status = err.status) => ({ status_code: status, body: JSON.stringify(problemBody(err)) });

/** The endpoint a resumable upload stands for when a guest's reach is checked (the item upload's subtree). */
const GUEST_ENDPOINT = { method: 'POST', path: '/projects/{project_id}/document-requests' } as const;

export interface ResumableDeps {
  db: Db;
  config: Config;
  services: Services;
}

export function registerResumable(app: Hono, { db, config, services }: ResumableDeps): Server {
  /** Signed download links, as the endpoints make them (http/endpoints.ts). */
  const fileUrl =
    (c: Context): FileUrl =>
    (fileId, orgId, disposition) => {
      const { exp, sig } = services.signer.sign(fileId, orgId, disposition);
      const base = config.publicUrl ?? new URL(c.req.url).origin;
      return `${base}${API_PREFIX}/files/${encodeURIComponent(fileId)}?exp=${exp}&sig=${sig}`;
    };
  const path = API_PREFIX + RESUMABLE_PATH;
  const store = new FileStore({ directory: join(config.filesDir, 'resumable'), expirationPeriodInMilliseconds: 24 * 3600_000 });
  /** The request being finished → its Hono context (for the links of the answer). */
  const contexts = new WeakMap<Request, Context>();
  const tus = new Server({
    path,
    datastore: store,
    maxSize: MAX_ITEM_BYTES,
    relativeLocation: !config.publicUrl,
    generateUrl: config.publicUrl ? (_req, { path: p, id }) => `${config.publicUrl}${p}/${id}` : undefined,
    async onUploadFinish(req, upload) {
      const c = contexts.get(req as unknown as Request);
      const item = await finish(upload, c ? fileUrl(c) : () => '');
      return { status_code: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(item) };
    },
  });

  /** The finished upload into the storage and onto its item; the partial file removed either way. */
  async function finish(upload: Upload, link: FileUrl) {
    const m = (upload.metadata ?? {}) as Record<string, string>;
    const target = { projectId: m.project_id!, requestId: m.request_id!, itemId: m.item_id! };
    const orgDb = db.forOrg(m.org_id!);
    try {
      const [item] = await orgDb.query('SELECT max_bytes FROM document_request_items WHERE id = $1', [target.itemId]);
      if (!item) throw tusError(notFound('document request item'));
      let mediaType = '';
      let stored: { sha256: string; size: number };
      try {
        stored = await services.storage.put(createReadStream(join(store.directory, upload.id)), {
          maxBytes: Number(item.max_bytes),
          expectedSha256: m.sha256 || undefined,
          onHead: (head, at) => {
            const t = sniffMediaType(head, at);
            if (!t) throw new HttpError(415, 'unsupported_media_type', 'Unsupported media type', 'This type of file is not accepted.');
            mediaType = t;
          },
        });
      } catch (err) {
        if (err instanceof ChecksumMismatchError)
          throw tusError(
            new HttpError(
              460,
              'validation_failed',
              'Checksum mismatch',
              'The file that arrived is not the file that was sent (SHA-256 differs).',
            ),
          );
        if (err instanceof TooLargeError) throw tusError(new HttpError(413, 'payload_too_large', 'Payload too large', err.message));
        if (err instanceof HttpError) throw tusError(err);
        throw err;
      }
      const file = new UploadedFile(cleanFileName(m.filename || 'file'), mediaType, stored.sha256, stored.size, services.storage);
      const by = { id: m.contact_id!, name: m.contact_name || m.contact_id! };
      return await orgDb.transaction(async (tx) => {
        const { request, item: row } = await lockItem(tx, target);
        try {
          checkUploadable(request, row, { size: stored.size, mediaType });
        } catch (err) {
          throw err instanceof HttpError ? tusError(err) : err;
        }
        const f = await storeUpload(tx, by.id, file);
        await attachToItem(tx, request, row, f, by, m.replace === 'true');
        const r = await requestById(tx, request.id, link);
        return r.items.find((i) => i.id === row.id);
      });
    } finally {
      await store.remove(upload.id).catch(() => {});
    }
  }

  /** A new upload: the caller may upload to that item (size and state), and the server's metadata is set. */
  async function create(c: Context, p: Principal): Promise<Request> {
    const raw = c.req.raw;
    const meta = parseMetadata(raw.headers.get('upload-metadata'));
    for (const k of SERVER_KEYS) delete meta[k];
    const missing = ['project_id', 'request_id', 'item_id', 'filename'].filter((k) => !meta[k]);
    if (missing.length) throw validationFailed(missing.map((k) => ({ path: `Upload-Metadata.${k}`, message: 'required' })));
    if (meta.sha256 && !SHA256_RE.test(meta.sha256))
      throw validationFailed([{ path: 'Upload-Metadata.sha256', message: 'a SHA-256 in lowercase hex' }]);
    const length = Number(raw.headers.get('upload-length'));
    if (!Number.isSafeInteger(length) || length < 0) throw validationFailed([{ path: 'Upload-Length', message: 'required' }]);
    const target = { projectId: meta.project_id!, requestId: meta.request_id!, itemId: meta.item_id! };
    // A guest (private client link) uploads only to its own project's requests, as on the upload endpoint.
    await guardGuest(db.forOrg(p.orgId), GUEST_ENDPOINT, { projectId: target.projectId }, p);
    await db.forOrg(p.orgId).transaction(async (tx) => {
      const { request, item } = await lockItem(tx, target);
      checkUploadable(request, item, { size: length });
    });
    const headers = new Headers(raw.headers);
    headers.set('upload-metadata', encodeMetadata({ ...meta, org_id: p.orgId, contact_id: p.contactId, contact_name: p.name }));
    return new Request(raw, { headers, duplex: 'half' } as RequestInit);
  }

  const handle = async (c: Context) => {
    try {
      const p = await portalPrincipal(c, { method: 'POST', path: '/', response: 'binary', idempotent: false }, services);
      let req = c.req.raw;
      // Hono routes HEAD as GET; a GET (reading a partial upload back) is not offered.
      if (req.method === 'GET') throw new HttpError(405, 'bad_request', 'Method not allowed', 'Use HEAD, PATCH or DELETE on an upload.');
      if (req.method === 'POST') req = await create(c, p);
      else {
        const id = c.req.param('id');
        const upload = id ? await store.getUpload(id).catch(() => undefined) : undefined;
        const m = (upload?.metadata ?? {}) as Record<string, string>;
        if (!upload || m.org_id !== p.orgId || m.contact_id !== p.contactId) throw notFound('upload');
        // A revoked or expired link stops its guest's uploads in flight too.
        await guardGuest(db.forOrg(p.orgId), GUEST_ENDPOINT, { projectId: m.project_id }, p);
      }
      contexts.set(req, c);
      return await tus.handleWeb(req);
    } catch (err) {
      if (err instanceof HttpError) return problem(err);
      throw err;
    }
  };
  app.post(path, handle);
  app.on(['GET', 'PATCH', 'DELETE'], `${path}/:id`, handle);
  return tus;
}
