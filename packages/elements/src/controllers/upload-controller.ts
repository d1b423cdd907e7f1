import type { Attachment, AttachmentPolicy } from '@portico/contract';
import { attachments } from '@portico/contract/validators/attachments';
import { css, html, nothing, type ReactiveController } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { type PorticoElement, waitFor } from '../base/portico-element.js';
import { type Resources, useResources } from '../base/resources.js';
import type { PorticoClientLike } from '../context/client.js';
import { fileSize } from '../i18n/file-size.js';
import { isolate } from '../i18n/isolate.js';
import { adoptLate } from '../styles/late-styles.js';
import { errorMessage } from './render-state.js';
import { acceptedTypes } from './render-upload.js';
import { errorCode, isAbort, PorticoNoClientError } from './resource-controller.js';
import { en } from './upload.messages.js';

/** What the chips module (loaded on demand) is given of lit and the shared modules, instead of importing them. */
const kit = {
  html,
  css,
  nothing,
  repeat,
  fileSize,
  isolate,
  errorMessage,
  errorCode,
  isAbort,
  PorticoNoClientError,
  acceptedTypes,
  useResources,
  adoptLate,
};
export type UploadKit = typeof kit;
type Chips = ReturnType<typeof import('./upload-chips.js').default>;
let chipsModule: Promise<Chips> | undefined;

/** The upload controls' messages and endpoints: registered by the first `UploadController`. */
export const uploadResources: Resources = {
  en,
  endpoints: { attachments },
  locales: { de: () => import('./upload.messages.de.js'), ar: () => import('./upload.messages.ar.js') },
};

/**
 * Sends one file and resolves with its attachment: `client.attachments.upload` by default. Another
 * transport (e.g. a resumable tus upload for large files, imported when first needed) takes its
 * place through the controller's `transport` option. Report `onProgress(loaded, total)` as bytes
 * go out, honour `signal`, and send `key` as the upload's idempotency key (it is kept on "Try again").
 */
export type UploadTransport = (
  client: PorticoClientLike,
  file: File,
  options: { key: string; signal: AbortSignal; onProgress: (loaded: number, total: number) => void },
) => Promise<Attachment>;

export const fetchTransport: UploadTransport = (client, file, { key, signal, onProgress }) =>
  client.attachments.upload({ file, signal, idempotencyKey: key, onUploadProgress: (p) => onProgress(p.loaded, p.total) });

/** What is known of the server's limits before it answers `GET /attachments/policy` (or when it can't): its defaults, any type. */
export const FALLBACK_POLICY: AttachmentPolicy = { maxBytes: 25 * 1024 * 1024, maxFiles: 10, acceptedTypes: [] };

/** Why a file was refused before it was sent (or by the server, for the same reason). */
export type UploadRefusal = 'too_large' | 'wrong_type';

export interface UploadItem {
  readonly id: string;
  readonly file: File;
  readonly status: 'uploading' | 'done' | 'failed';
  /** Bytes sent so far, of `total` (while uploading). */
  readonly loaded: number;
  readonly total: number;
  /** Why it failed: a refusal (no use trying again), or the error (network, server: "Try again" may help). */
  readonly refused?: UploadRefusal;
  readonly error?: unknown;
  readonly attachment?: Attachment;
}

type Item = UploadItem & { key: string; abort?: AbortController; resume?: boolean };

/** What the chips module (upload-chips.ts) works on. */
export interface UploadState {
  readonly host: PorticoElement;
  readonly policy: AttachmentPolicy;
  readonly transport: UploadTransport;
  list: Item[];
  overflow: number;
}

export interface UploadOptions {
  /** How a file is sent (default `fetchTransport`). */
  transport?: UploadTransport;
}

const policies = new WeakMap<PorticoClientLike, Promise<AttachmentPolicy>>();
/** The server's policy, asked once per client (forgotten after a failure, so that it is asked again). */
const policyOf = (client: PorticoClientLike): Promise<AttachmentPolicy> => {
  let p = policies.get(client);
  if (!p) {
    p = client.attachments.policy();
    policies.set(client, p);
    p.catch(() => policies.delete(client));
  }
  return p;
};

/**
 * The files of a form or reply, from picking to attachment ids: each file is checked against the
 * server's limits before it is sent (size and type — from `GET /attachments/policy`, with the
 * server's defaults as a fallback — so that the form can also say them up front), uploaded with
 * progress, and can be canceled (removed while uploading), retried after a network or server
 * failure (with the same idempotency key), or removed. A refused file stays as a failed chip that
 * says why. `renderAttach`, `uploadHint` and `renderUploads` draw them (render-upload.ts); what
 * checks, sends and draws chips is loaded with the first file picked (upload-chips.ts).
 */
export class UploadController implements ReactiveController, UploadState {
  /** How many picked files did not fit (`maxFiles`), until the next change of the list. */
  overflow = 0;
  list: Item[] = [];
  readonly host: PorticoElement;
  readonly transport: UploadTransport;
  /** The chips module, once loaded. */
  chips?: Chips;
  private server?: AttachmentPolicy;
  private asked?: PorticoClientLike;

  constructor(host: PorticoElement, options: UploadOptions = {}) {
    useResources(uploadResources);
    this.host = host;
    this.transport = options.transport ?? fetchTransport;
    host.addController(this);
  }

  /** The server's limits (its defaults until it answered, or if it can't). */
  get policy(): AttachmentPolicy {
    return this.server ?? FALLBACK_POLICY;
  }

  get items(): readonly UploadItem[] {
    return this.list;
  }

  get uploading(): boolean {
    return this.list.some((u) => u.status === 'uploading');
  }

  /** Whether no further file fits. */
  get full(): boolean {
    return this.list.length >= this.policy.maxFiles;
  }

  /** The uploaded files, in order. */
  get attachments(): Attachment[] {
    return this.list.flatMap((u) => (u.attachment ? [u.attachment] : []));
  }

  /** Adds files: those that fit and pass the checks start uploading at once (`updateComplete` waits for the chips). */
  add(files: Iterable<File>): void {
    const all = [...files];
    chipsModule ??= import('./upload-chips.js').then(
      (m) => m.default(kit),
      (error) => {
        chipsModule = undefined; // a failed download is tried again with the next files
        throw error;
      },
    );
    waitFor(
      this.host,
      chipsModule.then((chips) => {
        this.chips = chips;
        chips.add(this, all);
      }),
    );
  }

  /** Uploads a failed file again (same idempotency key). */
  retry(id: string): void {
    const item = this.list.find((u) => u.id === id);
    if (item?.status === 'failed' && !item.refused) void this.chips?.send(this, item);
  }

  /** Removes a file; one still uploading is canceled. */
  remove(id: string): void {
    this.list.find((u) => u.id === id)?.abort?.abort();
    this.list = this.list.filter((u) => u.id !== id);
    this.overflow = 0;
    this.host.requestUpdate();
  }

  /** Takes every file out (e.g. into a reply being sent); `restore()` puts them back. */
  take(): UploadItem[] {
    const taken = this.list;
    this.list = [];
    this.overflow = 0;
    this.host.requestUpdate();
    return taken;
  }

  /** Puts taken files back, before any added since. */
  restore(items: readonly UploadItem[]): void {
    this.list = [...(items as Item[]), ...this.list];
    this.host.requestUpdate();
  }

  /** Removes every file, canceling uploads. */
  clear(): void {
    for (const u of this.list) u.abort?.abort();
    this.take();
  }

  hostConnected(): void {
    // Moved in the page: uploads stopped by the disconnect go on.
    for (const u of this.list) if (u.resume) void this.chips?.send(this, u);
  }

  hostUpdated(): void {
    const client = this.host.effectiveClient;
    if (!client || client === this.asked) return;
    this.asked = client;
    policyOf(client).then(
      (policy) => {
        if (this.asked !== client) return;
        this.server = policy;
        this.host.requestUpdate();
      },
      () => undefined, // the defaults stand; the server still checks every upload
    );
  }

  hostDisconnected(): void {
    for (const u of this.list) {
      if (u.status !== 'uploading') continue;
      u.resume = true;
      u.abort?.abort();
    }
  }
}
