import type { Approval } from '@portico/contract';
import { approvals } from '@portico/contract/validators/approvals';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PorticoElement } from '../../base/portico-element.js';
import { PageController } from '../../controllers/page-controller.js';
import { renderMore, renderState, stateStyles } from '../../controllers/render-state.js';
import { isolate } from '../../i18n/isolate.js';
import { failureStyles } from '../../styles/failure.styles.js';
import { type ApprovalHistoryMessageKey, en } from './approval-history.messages.js';
import { styles } from './approval-history.styles.js';

/** Decisions of one version, newest first. */
export interface ApprovalGroup {
  version: number;
  approvals: Approval[];
}

/** Groups an audit trail by version, newest version first, newest decision first within one. */
export function groupByVersion(approvals: readonly Approval[]): ApprovalGroup[] {
  const groups = new Map<number, Approval[]>();
  for (const a of approvals) groups.set(a.version, [...(groups.get(a.version) ?? []), a]);
  return [...groups]
    .map(([version, list]) => ({ version, approvals: list.sort((a, b) => Date.parse(b.decidedAt) - Date.parse(a.decidedAt)) }))
    .sort((a, b) => b.version - a.version);
}

/**
 * The append-only audit trail of a deliverable's decisions: one list per version (newest version
 * first), each entry the decision (as text, not colour only), who made it, when, and the
 * comment. Refreshes on live `deliverable` events and after a `portico-approve` on the same
 * deliverable anywhere in the document.
 *
 * @summary Who approved or requested changes to which version, and when.
 *
 * @slot empty - Shown when nobody has decided yet. Default: "No decisions yet."
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart groups - The list of versions.
 * @csspart group - One version's item.
 * @csspart heading - A version's heading.
 * @csspart entries - One version's list of decisions.
 * @csspart entry - A decision.
 * @csspart decision - The decision's text.
 * @csspart who - Who decided.
 * @csspart when - When (a `<time>`).
 * @csspart comment - The comment.
 * @csspart loading - The loading state.
 * @csspart content - The loaded content.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The Retry button (loading failed, or the next decisions did).
 * @csspart more - "Show more" (a trail longer than 2,000 decisions), or the alert when they failed to load.
 *
 * @cssprop --portico-approval-history-gap - Space between versions (default: 3 spacing units).
 * @cssprop --portico-approval-history-border-color - Entry marker of other decisions (default: `--portico-color-border`).
 * @cssprop --portico-approval-history-approved-color - Marker of approvals (default: `--portico-color-success`).
 * @cssprop --portico-approval-history-changes-color - Marker of change requests (default: `--portico-color-warning`).
 *
 * @fires portico-error - Loading failed; `detail.code`.
 *
 * @example
 * ```html
 * <portico-approval-history deliverable-id="dlv_1"></portico-approval-history>
 * ```
 */
export class PorticoApprovalHistory extends PorticoElement<ApprovalHistoryMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, failureStyles, styles];
  static override resources = {
    en,
    endpoints: { approvals },
    locales: { de: () => import('./approval-history.messages.de.js'), ar: () => import('./approval-history.messages.ar.js') },
  };

  static override properties = {
    deliverableId: { attribute: 'deliverable-id', reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** The deliverable whose decisions to show. */
  deliverableId = '';

  /** `aria-level` of the version headings. */
  headingLevel = 3;

  /** The whole trail as a rule (up to 20 pages of 100); "Show more" beyond. */
  private readonly trail = new PageController(this, {
    args: () => [this.deliverableId.trim()] as const,
    load: async (client, [id], cursor, { signal }) =>
      id ? client.approvals.list({ id, limit: 100, cursor, signal }) : { data: [] as Approval[], nextCursor: null },
    live: ['deliverable'],
    follow: 20,
  });

  /** Loads the trail again. */
  refresh(): Promise<void> {
    return this.trail.refresh();
  }

  /** The decisions on screen, newest first, or `[]` before loading. */
  get approvals(): readonly Approval[] {
    return this.trail.items;
  }

  // Listens on the document (the button is usually a sibling, not a child), where any script can
  // fire a `portico-approve` of its own: its detail is read as unknown data.
  private readonly onApprove = (e: Event) => {
    const id = (e as CustomEvent<{ approval?: { deliverableId?: unknown } } | null>).detail?.approval?.deliverableId;
    if (typeof id === 'string' && id === this.deliverableId.trim() && id) void this.refresh();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.ownerDocument.addEventListener('portico-approve', this.onApprove);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener('portico-approve', this.onApprove);
  }

  protected override render() {
    const { lang, dir } = this.locale;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      ${
        this.deliverableId.trim()
          ? html`${renderState(this, this.trail.resource, {
              complete: () => this.renderGroups(groupByVersion(this.approvals)),
              isEmpty: () => !this.approvals.length,
              emptyText: this.i18n.t('approvalHistory.empty'),
            })}
            ${renderMore(this, this.trail, { label: this.i18n.t('state.more') })}`
          : nothing
      }
    </div>`;
  }

  private renderGroups(groups: ApprovalGroup[]) {
    const { t, date } = this.i18n;
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 3));
    return html`<ol part="groups" class="groups" role="list" aria-label=${t('approvalHistory.label')}>
      ${repeat(
        groups,
        (g) => g.version,
        (g) => html`<li part="group" class="group">
          <div part="heading" class="heading" role="heading" aria-level=${level} id=${`v${g.version}`}>
            ${t('approvalHistory.version', { version: g.version })}
          </div>
          <ol part="entries" class="entries" role="list" aria-labelledby=${`v${g.version}`}>
            ${repeat(
              g.approvals,
              (a) => a.id,
              (a) => html`<li part="entry" class="entry" data-decision=${a.decision}>
                <span class="meta">
                  <span part="decision" class="decision">${t(`approvalHistory.${a.decision}`)}</span>
                  <span part="who">${isolate(t, 'approvalHistory.by', { name: a.decidedBy.name }, 'name')}</span>
                  <time part="when" datetime=${a.decidedAt}>${date(a.decidedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                </span>
                ${
                  a.comment
                    ? html`<p part="comment" class="comment"><span class="visually-hidden">${t('approvalHistory.comment')}</span> <bdi>${a.comment}</bdi></p>`
                    : nothing
                }
              </li>`,
            )}
          </ol>
        </li>`,
      )}
    </ol>`;
  }
}
