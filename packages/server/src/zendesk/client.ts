/**
 * Zendesk over plain `fetch`: Zendesk publishes no maintained Node client (the community
 * `node-zendesk` is not Zendesk's), and the handful of endpoints used here are plain JSON. Every
 * call goes through the connectors' shared 429 / `Retry-After` backoff (../connectors/backoff.ts).
 *
 * Two identities: the API token's agent (`ZENDESK_EMAIL`), for looking a mapped user up; and the
 * end user, for everything the portal shows (`{user's email}/token:{api token}`: Zendesk's API
 * token authenticates as any verified user, and the Requests API then answers exactly what that
 * user sees — their requests, public comments only).
 */
import { fetchWithBackoff } from '../connectors/backoff.js';
import { conflict, HttpError, notFound, unavailable } from '../errors.js';

export interface ZendeskClientOptions {
  /** `https://acme.zendesk.com` (or a fake's origin). */
  base: string;
  /** The API token's agent. */
  email: string;
  apiToken: string;
  retries?: number;
  maxWaitMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export type ZendeskJson = Record<string, unknown>;

export class ZendeskClient {
  constructor(readonly opts: ZendeskClientOptions) {}

  private auth(email: string): string {
    return `Basic ${Buffer.from(`${email}/token:${this.opts.apiToken}`).toString('base64')}`;
  }

  /** One call as `as` (an end user's email; default the agent). `what` names the resource in a 404. */
  async call<T = ZendeskJson>(
    as: string | undefined,
    method: string,
    path: string,
    init: { json?: unknown; body?: BodyInit; contentType?: string; what?: string } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { authorization: this.auth(as ?? this.opts.email), accept: 'application/json' };
    let body: BodyInit | undefined = init.body;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.contentType) headers['content-type'] = init.contentType;
    const res = await fetchWithBackoff(
      new URL(path, this.opts.base),
      { method, headers, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit,
      { service: 'Zendesk', retries: this.opts.retries, maxWaitMs: this.opts.maxWaitMs, fetch: this.opts.fetch, sleep: this.opts.sleep },
    );
    if (res.ok) return (res.status === 204 ? {} : await res.json()) as T;
    const text = await res.text().catch(() => '');
    // The Requests API answers 404 for another user's request, 403 for one the user may not see: both are "no such ticket" here.
    if (res.status === 404 || res.status === 403) throw notFound(init.what ?? 'resource');
    if (res.status === 422) throw conflict('conflict', `Zendesk refused the change: ${detailOf(text)}`);
    if (res.status === 401) throw unavailable('The help desk refused the server’s credentials.');
    throw new HttpError(502, 'unavailable', 'Bad gateway', `Zendesk answered ${res.status}.`);
  }
}

function detailOf(text: string): string {
  try {
    const j = JSON.parse(text) as { description?: string; error?: string | { message?: string } };
    return String(j.description ?? (typeof j.error === 'string' ? j.error : j.error?.message) ?? 'unprocessable');
  } catch {
    return 'unprocessable';
  }
}
