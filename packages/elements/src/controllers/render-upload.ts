import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PorticoElement } from '../base/portico-element.js';
import { fileSize } from '../i18n/file-size.js';
import { errorMessage } from './render-state.js';
import type { UploadMessageKey } from './upload.messages.js';
import type { UploadController, UploadItem } from './upload-controller.js';

type Host = Pick<PorticoElement<UploadMessageKey>, 'i18n' | 'updateComplete' | 'renderRoot'>;

const SHORT: Record<string, string> = { 'application/pdf': 'PDF', 'video/mp4': 'MP4', 'audio/mpeg': 'MP3', 'application/zip': 'ZIP' };

/** The accepted types in words: "images, PDF, MP4, MP3, ZIP and text files"; empty when unknown. */
export function acceptedTypes(host: Host, uploads: UploadController): string {
  const { t, lang } = host.i18n;
  const names = uploads.policy.acceptedTypes.map((type) =>
    type.startsWith('image/')
      ? t('upload.images')
      : type === 'text/plain'
        ? t('upload.text')
        : (SHORT[type] ?? type.split('/').pop()!.toUpperCase()),
  );
  return names.length ? new Intl.ListFormat(lang, { type: 'conjunction' }).format(new Set(names)) : '';
}

/** What may be attached, said up front: "Up to 10 files, 25 MB each. Accepted: images, PDF, … and text files." */
export function uploadHint(host: Host, uploads: UploadController): string {
  const { t } = host.i18n;
  const { maxFiles, maxBytes } = uploads.policy;
  const types = acceptedTypes(host, uploads);
  return `${t('upload.hint', { count: maxFiles, size: fileSize(host.i18n, maxBytes) })}${types ? ` ${t('upload.types', { types })}` : ''}`;
}

/** Why a file failed, in a sentence that says what to do: the limit, the accepted types, or the error (with "Try again"). */
export function uploadError(host: Host, uploads: UploadController, u: UploadItem): string {
  const { t } = host.i18n;
  const name = u.file.name;
  if (u.refused === 'too_large') return t('upload.tooLarge', { name, size: fileSize(host.i18n, uploads.policy.maxBytes) });
  if (u.refused === 'wrong_type') {
    const types = acceptedTypes(host, uploads);
    return `${t('upload.wrongType', { name })}${types ? ` ${t('upload.types', { types })}` : ''}`;
  }
  return t('upload.failed', { name, reason: errorMessage(host, u.error) });
}

/**
 * The picked files as chips (part `chips`, each `chip` with `data-status`): a progress bar while
 * uploading (`chip-progress`), the size when done, why it failed — with "Try again" (`chip-retry`)
 * when that may help — and a remove button (`chip-remove`; it cancels an upload on its way). After
 * a removal, focus moves to the next chip's remove button, or to the file input (`#files`).
 */
export function renderUploads(host: Host, uploads: UploadController, o: { disabled?: boolean } = {}) {
  if (!uploads.items.length) return nothing;
  const i18n = host.i18n;
  const { t } = i18n;
  const remove = (id: string, index: number) => {
    uploads.remove(id);
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
          <span class="chip__name">${name}</span>
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
                : html`<span class="chip__size">${fileSize(i18n, u.file.size)}</span>`
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

/**
 * The "Attach files" button (part `attach`: a label of the visually hidden file input `#files`,
 * which says the limits through `aria-describedby` — render `uploadHint` in `#files-hint`).
 */
export function renderAttach(host: Host, uploads: UploadController, o: { disabled?: boolean; describedBy?: string } = {}) {
  const { acceptedTypes: types } = uploads.policy;
  const accept = types.length ? [...types, ...(types.includes('text/plain') ? ['text/*'] : [])].join() : '';
  return html`<input
      class="file-input visually-hidden"
      id="files"
      type="file"
      multiple
      accept=${accept || nothing}
      aria-describedby=${['files-hint', o.describedBy].filter(Boolean).join(' ')}
      ?disabled=${o.disabled || uploads.full}
      @change=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        const files = [...(input.files ?? [])];
        input.value = '';
        uploads.add(files);
      }}
    /><label part="attach" class="button" for="files">${host.i18n.t('upload.attach')}</label>`;
}
