/**
 * A large file of a document request, sent resumably (the tus protocol, `tus-js-client`): loaded
 * only when a file over `RESUMABLE_THRESHOLD_BYTES` is chosen. The file is hashed first (SHA-256,
 * sent in the upload's metadata; the server refuses the file when the bytes it got differ), then
 * sent in 8 MiB requests that are retried after a dropped connection from the offset the server
 * has. The upload's URL is kept in `sessionStorage` under the file's fingerprint (item, name,
 * size, last modified) — never the token, which is asked from the client for each request — so
 * that after a page reload, choosing the same file again resumes it instead of starting over.
 */
import type { DocumentFile } from '@portico/contract';
import type { UrlStorage } from 'tus-js-client';
import { Upload } from 'tus-js-client/lib.esm/browser/index.js';
import type { PorticoClientLike } from '../../context/client.js';
import { sha256File } from './sha256.js';

const PREFIX = 'portico-tus::';
/** The contract's `RESUMABLE_PATH` (not imported: the contract's index is not for browser bundles). */
const RESUMABLE_PATH = '/resumable-uploads';

/** Upload URLs by fingerprint, for this tab's session (tus-js-client would use localStorage). */
export const sessionUrlStorage: UrlStorage = {
  async findAllUploads() {
    return this.findUploadsByFingerprint('');
  },
  async findUploadsByFingerprint(fingerprint) {
    const found = [];
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i)!;
      if (!key.startsWith(PREFIX + fingerprint)) continue;
      try {
        found.push({ ...JSON.parse(sessionStorage.getItem(key) ?? ''), urlStorageKey: key });
      } catch {
        sessionStorage.removeItem(key);
      }
    }
    return found;
  },
  async removeUpload(key) {
    sessionStorage.removeItem(key);
  },
  async addUpload(fingerprint, upload) {
    const key = `${PREFIX}${fingerprint}::${Math.random().toString(36).slice(2)}`;
    sessionStorage.setItem(key, JSON.stringify(upload));
    return key;
  },
};

export interface ResumableOptions {
  projectId: string;
  requestId: string;
  itemId: string;
  replace: boolean;
  signal: AbortSignal;
  onProgress: (loaded: number, total: number) => void;
}

export async function resumableUpload(
  client: PorticoClientLike,
  file: File,
  o: ResumableOptions,
): Promise<{ files: Pick<DocumentFile, 'id' | 'mediaType' | 'downloadUrl'>[] }> {
  const sha256 = await sha256File(file, o.signal);
  let token = await client.token();
  return new Promise((resolve, reject) => {
    const upload = new Upload(file, {
      endpoint: `${client.baseUrl}${RESUMABLE_PATH}`,
      chunkSize: 8 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      metadata: {
        project_id: o.projectId,
        request_id: o.requestId,
        item_id: o.itemId,
        filename: file.name,
        filetype: file.type,
        sha256,
        ...(o.replace ? { replace: 'true' } : {}),
      },
      urlStorage: sessionUrlStorage,
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      fingerprint: async (f: File) => [o.itemId, f.name, f.size, f.lastModified, sha256].join('/'),
      onBeforeRequest: async (req) => {
        token = await client.token();
        req.setHeader('Authorization', `Bearer ${token}`);
      },
      onShouldRetry: (err, attempt) => {
        const status = err.originalResponse?.getStatus() ?? 0;
        if (status === 401 && attempt < 2) {
          void client.token(token);
          return true;
        }
        return status === 0 || status === 409 || status === 423 || status >= 500;
      },
      onProgress: (sent, total) => o.onProgress(sent, total),
      onError: (err) => {
        const body = (err as { originalResponse?: { getBody(): string } }).originalResponse?.getBody();
        try {
          const problem = body ? JSON.parse(body) : undefined;
          if (problem?.code)
            return reject(Object.assign(new Error(problem.detail ?? problem.title), { code: problem.code, status: problem.status }));
        } catch {}
        reject(err);
      },
      onSuccess: ({ lastResponse }) => {
        try {
          // The item as it is now (snake_case); the list reloads it through the client anyway.
          const item = JSON.parse(lastResponse.getBody()) as {
            files: Array<{ id: string; media_type: string; download_url: string | null }>;
          };
          resolve({ files: item.files.map((f) => ({ id: f.id, mediaType: f.media_type, downloadUrl: f.download_url })) });
        } catch (err) {
          reject(err);
        }
      },
    });
    o.signal.addEventListener('abort', () => {
      void upload.abort();
      reject(o.signal.reason);
    });
    // After a reload: the same file for the same item resumes where the server is.
    void upload.findPreviousUploads().then((previous) => {
      if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    }, reject);
  });
}
