import type { AttachmentPolicy, DocumentItem, DocumentRequest, DocumentReview, Page } from '@portico/contract';
import { documentRequests } from '@portico/contract/validators/documentRequests';
import { me } from '@portico/contract/validators/me';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PorticoElement } from '../../base/portico-element.js';
import { MutationController } from '../../controllers/mutation-controller.js';
import { PageController } from '../../controllers/page-controller.js';
import { renderFailure } from '../../controllers/render-mutation.js';
import { renderState, stateStyles } from '../../controllers/render-state.js';
import { renderUploads } from '../../controllers/render-upload.js';
import { isAbort, ResourceController } from '../../controllers/resource-controller.js';
import type { UploadMessageKey } from '../../controllers/upload.messages.js';
import { UploadController, type UploadTransport } from '../../controllers/upload-controller.js';
import { fileSize } from '../../i18n/file-size.js';
import { isolate } from '../../i18n/isolate.js';
import { failureStyles } from '../../styles/failure.styles.js';
import type { PorticoDocumentReviewDetail, PorticoDocumentReviewRequestDetail } from './document-requests.events.js';
import { type DocumentRequestsMessageKey, en } from './document-requests.messages.js';
import { styles } from './document-requests.styles.js';

export type {
  PorticoDocumentReviewDetail,
  PorticoDocumentReviewRequestDetail,
  PorticoDocumentUploadDetail,
} from './document-requests.events.js';

const TONE: Record<DocumentItem['status'], string> = {
  missing: 'warning',
  uploaded: 'info',
  accepted: 'success',
  rejected: 'danger',
  not_applicable: 'muted',
};
/** The contract's `RESUMABLE_THRESHOLD_BYTES`: larger files go through the resumable upload. */
const RESUMABLE_THRESHOLD_BYTES = 5 * 1024 * 1024;
const OPEN_ITEM: ReadonlySet<DocumentItem['status']> = new Set(['missing', 'rejected']);

type ReviewInput = PorticoDocumentReviewRequestDetail;

/** The upload controller of one item: the item's limits (size, types) instead of the server's policy. */
class ItemUploads extends UploadController {
  constructor(
    host: PorticoElement,
    transport: UploadTransport,
    private readonly limits: () => AttachmentPolicy,
  ) {
    super(host, { transport });
  }
  override get policy(): AttachmentPolicy {
    return this.limits();
  }
}

/**
 * What the firm asks a project's client for: each request with its instructions, due date
 * (overdue flagged) and how many documents came in; each item with its status, the files sent,
 * the reason of a rejection, and an upload (one or more files, with progress; "Replace files"
 * before acceptance; "Upload again" after a rejection). Files over 5 MB go through a resumable
 * upload (tus, loaded only then): it goes on after a dropped connection, and after a page reload
 * when the same file is chosen again. With the `reviewer` role the same list shows Accept, Reject
 * (with a reason the client sees) and Not applicable. `document_request` live events refresh it.
 *
 * @summary A project's document requests: what is asked, what is missing, upload and review.
 *
 * @slot header - Content above the list, e.g. a heading.
 * @slot empty - Shown when nothing was requested. Default: "No documents have been requested."
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart header - The container of the `header` slot.
 * @csspart request - One request (a section).
 * @csspart title - A request's title.
 * @csspart due - A request's due date; `data-overdue` when it passed.
 * @csspart instructions - A request's instructions.
 * @csspart progress - "2 of 3 received" and what is still missing.
 * @csspart items - The list of a request's items.
 * @csspart item - One item; `data-status` is its status.
 * @csspart label - An item's label.
 * @csspart badge - Every badge; an item's status badge is also `status`.
 * @csspart status - An item's status badge.
 * @csspart reason - The reason of a rejection (or a note with a decision).
 * @csspart files - The files sent for an item.
 * @csspart file - A file's download link.
 * @csspart upload - An item's upload button (a label of its file input); also `replace`, `add`.
 * @csspart hint - An item's limits (size, types).
 * @csspart chips - The files being uploaded (see the upload controller's chips).
 * @csspart review - A reviewer's buttons of an item.
 * @csspart accept - The Accept button.
 * @csspart reject - The Reject button (and the confirm button of the reason form).
 * @csspart not-applicable - The Not applicable button.
 * @csspart reason-form - The reason form of a rejection.
 * @csspart failure - A decision that failed, with Try again.
 * @csspart loading - The loading state.
 * @csspart content - The loaded content.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The Retry button.
 *
 * @cssprop --portico-document-requests-border-color - Borders of requests and items.
 * @cssprop --portico-document-requests-radius - Radius of a request (default: twice `--portico-radius`).
 * @cssprop --portico-document-requests-gap - Space between requests (default: 3 spacing units).
 *
 * @fires portico-document-upload - A file was stored for an item; `detail.requestId`, `itemId`, `fileName`.
 * @fires portico-document-review-request - A reviewer is about to decide. Cancelable: `preventDefault()` sends nothing.
 * @fires portico-document-review - The decision was stored; `detail.item` is the item as it is now.
 * @fires portico-error - Loading failed; `detail.code` is the error's machine code.
 *
 * @example
 * ```html
 * <portico-document-requests project-id="prj_1"></portico-document-requests>
 * ```
 */
export class PorticoDocumentRequests extends PorticoElement<DocumentRequestsMessageKey | UploadMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, failureStyles, styles];
  static override resources = {
    en,
    endpoints: { documentRequests, me },
    locales: { de: () => import('./document-requests.messages.de.js'), ar: () => import('./document-requests.messages.ar.js') },
  };

  static override properties = {
    projectId: { attribute: 'project-id', reflect: true },
    noLive: { type: Boolean, reflect: true, attribute: 'no-live' },
    hasHeader: { state: true },
    rejecting: { state: true },
  };

  /** The project whose requests are listed. Nothing loads without it. */
  projectId = '';

  /** Don't refresh on live `document_request` events. */
  noLive = false;

  private hasHeader = false;
  /** The item whose rejection reason is being written. */
  private rejecting = '';
  private readonly uploads = new Map<string, UploadController>();
  /** Items whose next upload replaces their files: the first file's upload, which the others of the batch wait for. */
  private readonly replacing = new Map<string, Promise<unknown> | true>();

  private readonly pages = new PageController(this, {
    args: () => [this.projectId.trim()] as const,
    load: async (client, [projectId], cursor, { signal }): Promise<Page<DocumentRequest>> =>
      projectId ? client.documentRequests.list({ projectId, limit: 25, cursor, signal }) : { data: [], nextCursor: null },
    live: (event) => !this.noLive && event.resource.kind === 'document_request',
  });

  /** The contact's roles (a reviewer sees the review buttons); undefined when `me` failed: the server still checks. */
  private readonly roles = new ResourceController(this, {
    args: () => [] as const,
    load: (client, _, { signal }) =>
      client.me.get({ signal }).then(
        (m) => m.roles as readonly string[],
        (e: unknown) => {
          if (isAbort(e)) throw e;
          return [] as readonly string[];
        },
      ),
  });

  private readonly reviewing = new MutationController<ReviewInput, DocumentItem>(this, {
    send: (client, input, { key, signal }) => {
      const body: DocumentReview = { decision: input.decision, reason: input.reason };
      return client.documentRequests.review({
        projectId: this.projectId.trim(),
        requestId: input.requestId,
        itemId: input.itemId,
        ...body,
        idempotencyKey: key,
        signal,
      });
    },
    request: (input) => ['portico-document-review-request', input],
    success: (item, input) => ['portico-document-review', { ...input, item } satisfies PorticoDocumentReviewDetail],
    onSuccess: () => {
      this.rejecting = '';
      void this.pages.refresh();
    },
  });

  /** Loads the requests again (shown ones stay, marked busy). */
  refresh(): Promise<void> {
    return this.pages.refresh();
  }

  /** The requests on screen, or `[]` before the first load. */
  get requests(): readonly DocumentRequest[] {
    return this.pages.items;
  }

  private get reviewer(): boolean {
    return this.roles.value?.includes('reviewer') ?? false;
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const { t } = this.i18n;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      <div part="header" class="header" ?hidden=${!this.hasHeader}>
        <slot name="header" @slotchange=${this.onSlotChange}></slot>
      </div>
      ${renderState(this, this.pages.resource, {
        complete: () =>
          html`<div class="requests">${repeat(
            this.requests,
            (r) => r.id,
            (r) => this.renderRequest(r),
          )}</div>`,
        isEmpty: (page) => page.data.length === 0,
        emptyText: t('documentRequests.empty'),
      })}
    </div>`;
  }

  private renderRequest(r: DocumentRequest) {
    const { t, date } = this.i18n;
    const open = r.status === 'open';
    const overdue = open && r.dueAt !== null && Date.parse(r.dueAt) < Date.now();
    const counted = r.items.filter((i) => i.status !== 'not_applicable');
    const done = counted.filter((i) => i.status === 'uploaded' || i.status === 'accepted').length;
    const missing = r.items.filter((i) => i.required && OPEN_ITEM.has(i.status));
    const titleId = `req-${r.id}`;
    return html`<section part="request" class="request" aria-labelledby=${titleId} data-status=${r.status}>
      <div class="request__head">
        <h3 part="title" class="title" id=${titleId} dir="auto">${r.title}</h3>
        ${open ? nothing : html`<span part="badge" class="badge" data-tone="muted">${t('documentRequests.closed')}</span>`}
        ${
          r.dueAt
            ? html`<span part="due" class="due" ?data-overdue=${overdue}
                >${t(overdue ? 'documentRequests.overdue' : 'documentRequests.due', { date: date(r.dueAt, { dateStyle: 'medium' }) })}</span
              >`
            : nothing
        }
      </div>
      ${r.instructions ? html`<p part="instructions" class="instructions" dir="auto">${r.instructions}</p>` : nothing}
      <p part="progress" class="progress">
        ${t('documentRequests.received', { done: String(done), total: String(counted.length) })}${
          open && missing.length
            ? html`. ${isolate(t, 'documentRequests.missingCount', { items: new Intl.ListFormat(this.i18n.lang).format(missing.map((m) => m.label)) }, 'items')}`
            : nothing
        }
      </p>
      <ul part="items" class="items" role="list" aria-label=${t('documentRequests.items', { title: r.title })}>
        ${repeat(
          r.items,
          (i) => i.id,
          (i) => this.renderItem(r, i),
        )}
      </ul>
    </section>`;
  }

  private renderItem(r: DocumentRequest, i: DocumentItem) {
    const { t, relativeTime } = this.i18n;
    const open = r.status === 'open';
    const canUpload = open && i.status !== 'accepted' && i.status !== 'not_applicable';
    const failed = this.reviewing.status === 'error' && this.reviewing.input?.itemId === i.id;
    return html`<li part="item" class="item" data-status=${i.status}>
      <div class="item__head">
        <span part="label" class="label" dir="auto">${i.label}</span>
        ${i.required ? nothing : html`<span part="badge" class="badge" data-tone="muted">${t('documentRequests.optional')}</span>`}
        <span part="badge status" class="badge" data-tone=${TONE[i.status] ?? 'muted'} data-status=${i.status}>
          <span class="visually-hidden">${t('documentRequests.statusLabel')}:</span> ${t(`documentRequests.status.${i.status}`)}
        </span>
      </div>
      ${
        i.decidedBy && i.decidedAt && i.status !== 'uploaded'
          ? html`<p class="meta">${isolate(t, 'documentRequests.decided', { status: t(`documentRequests.status.${i.status}`), name: i.decidedBy, time: relativeTime(i.decidedAt) }, 'name')}</p>`
          : nothing
      }
      ${i.reason ? html`<p part="reason" class="reason">${isolate(t, 'documentRequests.reason', { reason: i.reason }, 'reason')}</p>` : nothing}
      ${
        i.files.length
          ? html`<ul part="files" class="files" role="list" aria-label=${t('documentRequests.files', { label: i.label })}>
              ${i.files.map(
                (f) =>
                  html`<li>
                    ${
                      f.downloadUrl
                        ? html`<a part="file" class="file" href=${f.downloadUrl} download
                            >${isolate(t, 'documentRequests.download', { name: f.fileName, size: fileSize(this.i18n, f.size) }, 'name')}</a
                          >`
                        : html`<span part="file" class="file">${isolate(t, 'documentRequests.download', { name: f.fileName, size: fileSize(this.i18n, f.size) }, 'name')}</span>`
                    }
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${canUpload ? this.renderUpload(r, i) : nothing}
      ${this.reviewer && open ? this.renderReview(r, i) : nothing}
      ${
        failed
          ? renderFailure(this, this.reviewing, {
              part: 'failure',
              retry: 'retry',
              label: t('state.retry'),
              message: (reason) => t('documentRequests.reviewFailed', { reason }),
            })
          : nothing
      }
    </li>`;
  }

  private renderUpload(r: DocumentRequest, i: DocumentItem) {
    const { t } = this.i18n;
    const uploads = this.uploadsFor(r, i);
    const inputId = `file-${i.id}`;
    const hintId = `hint-${i.id}`;
    const types = i.acceptedTypes.map((x) => (x.endsWith('/*') ? x.slice(0, -2) : x.slice(x.indexOf('/') + 1).toUpperCase()));
    const pick = (replace: boolean) => (e: Event) => {
      const input = e.target as HTMLInputElement;
      const files = [...(input.files ?? [])];
      input.value = '';
      if (!files.length) return;
      if (replace) this.replacing.set(i.id, true);
      uploads.add(files);
    };
    const button = (id: string, part: string, label: string, replace: boolean) =>
      html`<input class="file-input visually-hidden" id=${id} type="file" multiple
          accept=${i.acceptedTypes.join(',') || nothing}
          aria-describedby=${hintId}
          ?disabled=${uploads.uploading}
          @change=${pick(replace)} /><label part=${part} class="button" for=${id}>${label}</label>`;
    const has = i.files.length > 0 && i.status === 'uploaded';
    return html`<div class="upload">
      <div class="upload__buttons" role="group" aria-label=${t('documentRequests.uploadFor', { label: i.label })}>
        ${
          has
            ? html`${button(`${inputId}-add`, 'upload add', t('documentRequests.add'), false)}
              ${button(`${inputId}-replace`, 'upload replace', t('documentRequests.replace'), true)}`
            : button(inputId, 'upload', t(i.status === 'rejected' ? 'documentRequests.uploadAgain' : 'documentRequests.upload'), false)
        }
      </div>
      <p part="hint" class="hint" id=${hintId}>
        ${t('documentRequests.limits', { size: fileSize(this.i18n, i.maxBytes) })}
        ${types.length ? t('documentRequests.types', { types: new Intl.ListFormat(this.i18n.lang).format(types) }) : nothing}
      </p>
      ${renderUploads(this, uploads)}
    </div>`;
  }

  private renderReview(r: DocumentRequest, i: DocumentItem) {
    const { t } = this.i18n;
    const busy = this.reviewing.pending && this.reviewing.input?.itemId === i.id;
    const decide = (decision: DocumentReview['decision'], reason: string | null = null) =>
      void this.reviewing.run({ requestId: r.id, itemId: i.id, decision, reason });
    if (this.rejecting === i.id) {
      const reasonId = `reason-${i.id}`;
      return html`<form
        part="reason-form"
        class="reason-form"
        @submit=${(e: Event) => {
          e.preventDefault();
          const reason = (this.renderRoot.querySelector<HTMLTextAreaElement>(`#${reasonId}`)?.value ?? '').trim();
          if (reason) decide('rejected', reason);
        }}
      >
        <label for=${reasonId}>${t('documentRequests.rejectReason')}</label>
        <textarea class="field" id=${reasonId} required rows="2" dir="auto"></textarea>
        <div class="review">
          <button part="reject" class="button button--primary" type="submit" aria-busy=${busy ? 'true' : 'false'} ?disabled=${busy}>
            ${t('documentRequests.confirmReject')}
          </button>
          <button class="button" type="button" @click=${() => (this.rejecting = '')}>${t('documentRequests.cancel')}</button>
        </div>
      </form>`;
    }
    const uploaded = i.status === 'uploaded';
    const waivable = i.status !== 'not_applicable' && i.status !== 'accepted';
    if (!uploaded && !waivable) return nothing;
    return html`<div part="review" class="review" role="group" aria-label=${i.label}>
      ${
        uploaded
          ? html`<button part="accept" class="button button--primary" type="button" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'} @click=${() => decide('accepted')}>
                ${t('documentRequests.accept')}
              </button>
              <button part="reject" class="button" type="button" ?disabled=${busy} @click=${() => this.openReject(i.id)}>${t('documentRequests.reject')}</button>`
          : nothing
      }
      ${
        waivable
          ? html`<button part="not-applicable" class="button" type="button" ?disabled=${busy} @click=${() => decide('not_applicable')}>
              ${t('documentRequests.notApplicable')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private openReject(itemId: string): void {
    this.rejecting = itemId;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#reason-${itemId}`)?.focus());
  }

  /** The item's upload controller: its limits, and a transport that sends large files resumably. */
  private uploadsFor(r: DocumentRequest, i: DocumentItem): UploadController {
    let u = this.uploads.get(i.id);
    if (u) return u;
    let item = i;
    const policy = (): AttachmentPolicy => {
      item = this.requests.find((x) => x.id === r.id)?.items.find((x) => x.id === i.id) ?? item;
      return { maxBytes: item.maxBytes, maxFiles: 20, acceptedTypes: item.acceptedTypes };
    };
    const transport: UploadTransport = async (client, file, o) => {
      const first = this.replacing.get(i.id);
      let replace = false;
      if (first === true) replace = true;
      else if (first) await first.catch(() => undefined);
      const target = { projectId: this.projectId.trim(), requestId: r.id, itemId: i.id };
      const sending =
        file.size > RESUMABLE_THRESHOLD_BYTES
          ? import('./resumable-upload.js').then((m) => m.resumableUpload(client, file, { ...target, replace, ...o }))
          : client.documentRequests.upload({
              ...target,
              file,
              replace: replace ? 'true' : undefined,
              idempotencyKey: o.key,
              signal: o.signal,
              onUploadProgress: (p) => o.onProgress(p.loaded, p.total),
            });
      if (replace) this.replacing.set(i.id, sending);
      try {
        const updated = await sending;
        this.emit('portico-document-upload', { ...target, fileName: file.name });
        void this.pages.refresh();
        const f = updated.files[updated.files.length - 1];
        return {
          id: f?.id ?? i.id,
          fileName: file.name,
          mediaType: f?.mediaType ?? file.type,
          size: file.size,
          url: f?.downloadUrl ?? null,
        };
      } finally {
        if (this.replacing.get(i.id) === sending) this.replacing.delete(i.id);
      }
    };
    u = new ItemUploads(this, transport, policy);
    this.uploads.set(i.id, u);
    return u;
  }

  private onSlotChange(e: Event): void {
    this.hasHeader = (e.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  }
}
