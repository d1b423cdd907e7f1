// Loaded by the client (import()) on the first multipart request that asks for upload progress:
// `fetch` cannot report how much of a request body was sent, so this module sends it another way.
import type { UploadProgress } from './options.js';

/** A fetch of the host's (or a test's): told about progress through the extra `onUploadProgress` field. */
type CustomFetch = (url: string, init: RequestInit & { onUploadProgress?: UploadProgress }) => Promise<Response>;

const NULL_BODY = new Set([204, 205, 304]);

/**
 * Sends a multipart request and reports `{ loaded, total }` bytes of its body as they go out. It
 * times out (a `TimeoutError`) after `timeoutMs` without progress, so that a large file on a slow
 * link is not cut off while it moves. The bytes go out:
 * - in a browser, through XMLHttpRequest (its `upload.onprogress`);
 * - where there is none (Node), as a stream that counts the bytes the fetch pulls from it;
 * - through a custom `fetch` (the client's `fetch` option), which receives `init.onUploadProgress`
 *   to call if it can; progress is then at least reported at the start and at the end.
 * Resolves with a `Response` like fetch; rejects with `init.signal`'s reason on abort and with a
 * `TypeError` when the network fails, as fetch does.
 */
export async function sendWithProgress(
  url: string,
  request: RequestInit,
  progress: UploadProgress,
  timeoutMs: number,
  custom?: CustomFetch,
): Promise<Response> {
  const idle = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(new DOMException('No upload progress', 'TimeoutError')), timeoutMs);
  };
  arm();
  try {
    return await send(
      url,
      { ...request, signal: AbortSignal.any([request.signal!, idle.signal]) },
      (p) => {
        arm();
        progress(p);
      },
      custom,
    );
  } finally {
    clearTimeout(timer);
  }
}

async function send(url: string, init: RequestInit, onProgress: UploadProgress, custom?: CustomFetch): Promise<Response> {
  const form = init.body as FormData;
  const signal = init.signal!;
  if (custom) {
    let total = 0;
    for (const [, v] of form) if (typeof v !== 'string') total += v.size;
    onProgress({ loaded: 0, total });
    const res = await custom(url, { ...init, onUploadProgress: onProgress });
    onProgress({ loaded: total, total });
    return res;
  }
  if (typeof XMLHttpRequest === 'undefined') {
    // The multipart encoding of the form, with its boundary, as the fetch would have sent it.
    const encoded = new Response(form);
    const blob = await encoded.blob();
    // Handed over in 64 KiB slices as the fetch pulls them: the pulls follow the socket's pace.
    let loaded = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(out) {
        if (loaded >= blob.size) return out.close();
        const chunk = new Uint8Array(await blob.slice(loaded, loaded + 65536).arrayBuffer());
        loaded += chunk.byteLength;
        out.enqueue(chunk);
        onProgress({ loaded, total: blob.size });
      },
    });
    const headers = { ...(init.headers as Record<string, string>), 'content-type': encoded.headers.get('content-type')! };
    return fetch(url, { ...init, headers, body, duplex: 'half' } as RequestInit);
  }
  return new Promise<Response>((resolve, reject) => {
    signal.throwIfAborted();
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    const done = () => signal.removeEventListener('abort', abort);
    xhr.open(init.method ?? 'POST', url);
    for (const [k, v] of Object.entries(init.headers as Record<string, string>)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.total });
    xhr.onload = () => {
      done();
      const headers = new Headers();
      for (const line of xhr.getAllResponseHeaders().trim().split(/\r?\n/)) {
        const at = line.indexOf(':');
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      resolve(
        new Response(NULL_BODY.has(xhr.status) ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers }),
      );
    };
    xhr.onerror = xhr.ontimeout = () => {
      done();
      reject(new TypeError('Network request failed'));
    };
    xhr.onabort = () => {
      done();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    xhr.send(form);
  });
}
