/**
 * The deliverable viewer's comparison, loaded when a deliverable has more than one version: the
 * "Compare with" select (any kind of version), and what comparing two versions shows. Two images
 * are compared by the image previewer, two PDFs by the PDF previewer (pages side by side); two
 * texts by the text diff (`deliverable-viewer.diff.ts`, a further lazy module, loaded only when a
 * text comparison is opened); anything else says why it can't be compared, above the version's
 * own preview.
 */
import type { Deliverable, DeliverableVersion } from '@portico/contract';
import type { TemplateResult } from 'lit';
import { en } from './deliverable-compare.messages.js';
import type { PreviewKind } from './deliverable-viewer.component.js';
import type { Kit, ViewerHost } from './deliverable-viewer.host.js';

type DiffModule = ReturnType<typeof import('./deliverable-viewer.diff.js').default>;

/** Why two versions can't be compared; '' when they can (same kind: image, PDF or text). */
export type Incomparable = '' | 'notReady' | 'kinds' | 'media' | 'other';

const resources = {
  en,
  locales: {
    de: () => import('./deliverable-compare.messages.de.js'),
    ar: () => import('./deliverable-compare.messages.ar.js'),
  },
};

export default function comparison(kit: Kit) {
  const { html, nothing, previewKind } = kit;
  kit.useResources(resources);
  let diff: DiffModule | undefined;
  let diffLoading: Promise<unknown> | undefined;

  const ready = (x: DeliverableVersion) => x.processing === 'ready' && !!x.previewUrl;

  /** The version compared with the one shown, if any. */
  function compared(h: ViewerHost, d: Deliverable, v: DeliverableVersion): DeliverableVersion | undefined {
    return h.compareVersion && h.compareVersion !== v.number ? d.versions.find((x) => x.number === h.compareVersion) : undefined;
  }

  /** Whether (and why not) `v` and `other` can be compared. */
  function incomparable(v: DeliverableVersion, other: DeliverableVersion): Incomparable {
    if (!ready(v) || !ready(other)) return 'notReady';
    const kind = previewKind(v.mediaType);
    if (kind !== previewKind(other.mediaType)) return 'kinds';
    if (kind === 'image' || kind === 'pdf' || kind === 'text') return '';
    return kind === 'other' ? 'other' : 'media';
  }

  /** Before a render: loads the texts (and the diff module) of a text comparison. */
  function willUpdate(h: ViewerHost, d: Deliverable, v: DeliverableVersion): void {
    const other = compared(h, d, v);
    if (!other || incomparable(v, other) || previewKind(v.mediaType) !== 'text' || !h.isConnected) return;
    if (!diff) {
      diffLoading ??= import('./deliverable-viewer.diff.js').then(
        (m) => (diff = m.default(kit)),
        (error: unknown) => {
          diffLoading = undefined; // a failed chunk load may succeed later
          throw error;
        },
      );
      kit.waitFor(h, diffLoading);
      return;
    }
    diff.load(h, pair(v, other));
  }

  /** The older and the newer version of a pair. */
  const pair = (v: DeliverableVersion, other: DeliverableVersion): [DeliverableVersion, DeliverableVersion] =>
    v.number < other.number ? [v, other] : [other, v];

  /** "Compare with": every other version; a version of another kind says why when chosen. */
  function renderCompareTools(h: ViewerHost, d: Deliverable, v: DeliverableVersion) {
    const { t } = h.i18n;
    const others = d.versions.filter((x) => x.number !== v.number);
    if (!others.length) return nothing;
    return html`<label class="group"
      >${t('deliverableViewer.compare')}
      <select part="compare" class="field" @change=${(e: Event) => (h.compareVersion = Number((e.target as HTMLSelectElement).value))}>
        <option value="0" ?selected=${!compared(h, d, v)}>${t('deliverableViewer.compareOff')}</option>
        ${others.map(
          (x) =>
            html`<option value=${x.number} ?selected=${h.compareVersion === x.number}>${t('deliverable.versionShort', { number: String(x.number) })}</option>`,
        )}
      </select></label
    >`;
  }

  /**
   * The preview area while comparing: the text diff, or why the two can't be compared above
   * `preview` (the shown version's own). Undefined when not comparing, or when the version's own
   * previewer compares (images, PDFs).
   */
  function renderCompare(
    h: ViewerHost,
    d: Deliverable,
    v: DeliverableVersion,
    kind: PreviewKind,
    preview: unknown,
  ): TemplateResult | undefined {
    const other = compared(h, d, v);
    if (!other) return undefined;
    const why = incomparable(v, other);
    if (!why) {
      if (kind !== 'text') return undefined;
      return diff
        ? diff.render(h, pair(v, other))
        : html`<div class="skeleton-line" role="status" aria-label=${h.i18n.t('state.loading')}></div>`;
    }
    const { t } = h.i18n;
    const notReady = ready(other) ? v : other;
    const message =
      why === 'notReady'
        ? t('deliverableViewer.compareNotReady', { number: notReady.number })
        : why === 'kinds'
          ? t('deliverableViewer.compareKinds', { number: other.number, type: other.mediaType })
          : t(why === 'media' ? 'deliverableViewer.compareMedia' : 'deliverableViewer.compareOther');
    return html`<p part="incomparable" class="notice" role="status">${message}</p>
      ${preview}`;
  }

  return { compared, incomparable, willUpdate, renderCompareTools, renderCompare };
}
