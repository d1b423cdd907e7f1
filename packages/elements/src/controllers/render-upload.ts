import { html, nothing } from 'lit';
import type { PorticoElement } from '../base/portico-element.js';
import { fileSize } from '../i18n/file-size.js';
import type { UploadMessageKey } from './upload.messages.js';
import type { UploadController } from './upload-controller.js';

/** What the upload renderers need of a component. */
export type UploadHost = Pick<PorticoElement<UploadMessageKey>, 'i18n' | 'updateComplete' | 'renderRoot'>;
type Host = UploadHost;

/** The accepted types in words — "images, PDF, MP4, MP3, ZIP, and text files" (by subtype) — or empty when unknown. */
export function acceptedTypes(host: Host, uploads: UploadController): string {
  const { t, lang } = host.i18n;
  const names = uploads.policy.acceptedTypes.map((type) =>
    type.startsWith('image/')
      ? t('upload.images')
      : type === 'text/plain'
        ? t('upload.text')
        : type === 'audio/mpeg'
          ? 'MP3'
          : type.slice(type.indexOf('/') + 1).toUpperCase(),
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

/**
 * The picked files as chips (part `chips`, each `chip` with `data-status`): a progress bar while
 * uploading (`chip-progress`), the size when done, why it failed — with "Try again" (`chip-retry`)
 * when that may help — and a remove button (`chip-remove`; it cancels an upload on its way). After
 * a removal, focus moves to the next chip's remove button, or to the file input (`#files`). Drawn
 * by the chips module, which comes with the first file picked.
 */
export function renderUploads(host: UploadHost, uploads: UploadController, o: { disabled?: boolean } = {}) {
  return uploads.chips && uploads.items.length ? uploads.chips.renderChips(host, uploads, o) : nothing;
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
