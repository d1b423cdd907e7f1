// The part of file uploads that is needed only once a file is picked, loaded then by the
// `UploadController` (a dynamic import): checking and sending files, and the chips that show them.
// What it uses of lit and the shared modules comes from the controller (`UploadKit`): imported
// here, they would be split into chunks of their own in a bundler's output, and wrapped for lazy
// evaluation in a bundle without splitting (as the deliverable viewer's previewers are, too).
import type { UploadHost } from './render-upload.js';
import { en } from './upload-chips.messages.js';
import type { UploadController, UploadItem, UploadKit, UploadRefusal, UploadState } from './upload-controller.js';

type Item = UploadItem & { key: string; abort?: AbortController; resume?: boolean };

const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'audio/mp3': 'audio/mpeg',
  'application/x-zip-compressed': 'application/zip',
};

/**
 * Whether the server takes a file of this (browser-reported) type. The server decides by the
 * bytes, so only a type it surely refuses is refused here: an unknown type (`''`) is left to the
 * server, and any text format counts as the `text/plain` it recognises.
 */
export function acceptsType(accepted: readonly string[], type: string): boolean {
  if (!accepted.length || !type) return true;
  const t = ALIASES[type] ?? type;
  // `image/*` (a document request's item) takes any image.
  if (accepted.some((a) => a.endsWith('/*') && t.startsWith(a.slice(0, -1)))) return true;
  return accepted.includes(t) || (/^text\/|[+/](json|xml|csv)$/.test(type) && accepted.includes('text/plain'));
}

let seq = 0;

const chipResources = {
  en,
  locales: { de: () => import('./upload-chips.messages.de.js'), ar: () => import('./upload-chips.messages.ar.js') },
};

/** The chips module, made with what it needs of lit and the shared modules. */
export default function uploadChips(kit: UploadKit) {
  const { html, css, nothing, repeat, ...k } = kit;

  /**
   * The chips' styles, adopted by the component's shadow root with the first chips
   * (`<ul class="chips">` of `<li class="chip" data-status>` with `.chip__name`, `.chip__progress`,
   * `.chip__size`, `.chip__error`, `.chip__retry`, `.chip__remove`). The radius follows
   * `--_badge-radius` where a component sets it, the border `--_border-color`.
   */
  const chipStyles = css`
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_portico-space-xs);
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--_portico-space-xs);
    max-inline-size: 100%;
    padding-block: var(--_portico-space-2xs);
    padding-inline: var(--_portico-space-s) var(--_portico-space-2xs);
    border: 1px solid var(--_border-color);
    border-radius: var(--_badge-radius, var(--_portico-radius-pill));
    background: var(--_portico-color-surface);
    font-size: var(--_portico-font-size-s);
  }
  .chip[data-status='uploading'] {
    border-style: dashed;
  }
  .chip[data-status='failed'] {
    border-color: var(--_portico-color-danger);
  }
  .chip__name {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .chip__error {
    color: var(--_portico-color-danger);
  }
  .chip__size {
    color: var(--_portico-color-muted);
  }
  .chip__progress {
    inline-size: 4rem;
    block-size: 0.5rem;
    accent-color: var(--_portico-color-primary);
  }
  .chip__retry {
    padding-block: 0;
    font-size: inherit;
  }
  .chip__remove {
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    flex: none;
    border: 0;
    border-radius: 50%;
    background: transparent;
    cursor: pointer;
  }
  .chip__remove:hover:not(:disabled) {
    background: var(--_portico-color-hover);
  }

  @media (forced-colors: active) {
    .chip {
      border-color: CanvasText;
    }
    .chip__error {
      color: CanvasText;
    }
  }
`;

  /** Adds files to `c`: those that fit and pass the checks start uploading at once. */
  function add(c: UploadState, files: readonly File[]): void {
    k.useResources(chipResources);
    const { maxBytes, maxFiles, acceptedTypes: types } = c.policy;
    const room = Math.max(0, maxFiles - c.list.length);
    c.overflow = Math.max(0, files.length - room);
    for (const file of files.slice(0, room)) {
      const refused: UploadRefusal | undefined =
        file.size > maxBytes ? 'too_large' : acceptsType(types, file.type) ? undefined : 'wrong_type';
      const item: Item = { id: `upload-${++seq}`, key: crypto.randomUUID(), file, status: 'failed', loaded: 0, total: file.size, refused };
      c.list = [...c.list, item];
      if (!refused) void send(c, item);
    }
    c.host.requestUpdate();
  }

  /** Uploads one file (again), with its idempotency key; a server refusal (413, 415) says why like a check before sending. */
  async function send(c: UploadState, item: Item): Promise<void> {
    const abort = new AbortController();
    const update = (patch: Partial<Item>) => {
      Object.assign(item, patch);
      c.list = [...c.list];
      c.host.requestUpdate();
    };
    update({ status: 'uploading', loaded: 0, error: undefined, abort, resume: false });
    try {
      const client = c.host.effectiveClient;
      if (!client) throw new k.PorticoNoClientError();
      const attachment = await c.transport(client, item.file, {
        key: item.key,
        signal: abort.signal,
        onProgress: (loaded, total) => update({ loaded, total }),
      });
      update({ status: 'done', attachment, loaded: item.total, abort: undefined });
    } catch (error) {
      if (abort.signal.aborted || k.isAbort(error)) return;
      const code = k.errorCode(error);
      update({
        status: 'failed',
        error,
        abort: undefined,
        refused: code === 'payload_too_large' ? 'too_large' : code === 'unsupported_media_type' ? 'wrong_type' : undefined,
      });
    }
  }

  /**
   * Why a file failed, in a sentence that says what to do: the limit, the accepted types, or the
   * error (with "Try again"). The file's name keeps its own direction (`<bdi>`).
   */
  function uploadError(host: UploadHost, uploads: UploadController, u: UploadItem) {
    const { t } = host.i18n;
    const name = u.file.name;
    if (u.refused === 'too_large')
      return k.isolate(t, 'upload.tooLarge', { name, size: k.fileSize(host.i18n, uploads.policy.maxBytes) }, 'name');
    if (u.refused === 'wrong_type') {
      const types = k.acceptedTypes(host, uploads);
      return [k.isolate(t, 'upload.wrongType', { name }, 'name'), types ? ` ${t('upload.types', { types })}` : ''];
    }
    return k.isolate(t, 'upload.failed', { name, reason: k.errorMessage(host, u.error) }, 'name');
  }

  /** The chips of `renderUploads` (render-upload.ts). */
  function renderChips(host: UploadHost, uploads: UploadController, o: { disabled?: boolean }) {
    k.adoptLate(host.renderRoot, chipStyles);
    const i18n = host.i18n;
    const { t } = i18n;
    const remove = (id: string, index: number) => {
      uploads.remove(id);
      // Keep focus in the list: the next chip's remove button, else the file input.
      void host.updateComplete.then(() => {
        const buttons = host.renderRoot.querySelectorAll<HTMLElement>('.chip__remove');
        (buttons[Math.min(index, buttons.length - 1)] ?? host.renderRoot.querySelector<HTMLElement>('#files'))?.focus();
      });
    };
    return html`<ul part="chips" class="chips" role="list" aria-label=${t('upload.files')}>
      ${repeat(
        uploads.items,
        (u) => u.id,
        (u, i) => {
          const name = u.file.name;
          const uploading = u.status === 'uploading';
          return html`<li part="chip" class="chip" data-status=${u.status} aria-busy=${uploading ? 'true' : 'false'}>
            <span class="chip__name" dir="auto">${name}</span>
            ${
              uploading
                ? html`<progress part="chip-progress" class="chip__progress" max=${u.total || 1} .value=${u.loaded} aria-label=${t('upload.uploading', { name })}></progress>`
                : u.status === 'failed'
                  ? html`<span class="chip__error">${uploadError(host, uploads, u)}</span>
                      ${
                        u.refused
                          ? nothing
                          : html`<button part="chip-retry" class="button chip__retry" type="button" aria-label=${t('upload.retryLabel', { name })} @click=${() => uploads.retry(u.id)}>
                              ${t('upload.retry')}
                            </button>`
                      }`
                  : html`<span class="chip__size">${k.fileSize(i18n, u.file.size)}</span>`
            }
            <button
              part="chip-remove"
              class="chip__remove"
              type="button"
              aria-label=${t(uploading ? 'upload.cancel' : 'upload.remove', { name })}
              ?disabled=${o.disabled}
              @click=${() => remove(u.id, i)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>`;
        },
      )}
    </ul>`;
  }

  return { add, send, renderChips };
}
