import type { DeliverableSummary, Page, ReviewStatus } from '@portico/contract';
import { deliverables } from '@portico/contract/validators/deliverables';
import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PorticoElement } from '../../base/portico-element.js';
import { PageController } from '../../controllers/page-controller.js';
import { renderMore, renderState, stateStyles } from '../../controllers/render-state.js';
import { rowsKeydown } from '../../controllers/roving.js';
import { type ListState, UrlStateController } from '../../controllers/url-state.js';
import { isolate } from '../../i18n/isolate.js';
import { failureStyles } from '../../styles/failure.styles.js';
import type { PorticoDeliverableSelectDetail } from './deliverable-list.events.js';
import type { DeliverableListMessageKey } from './deliverable-list.messages.js';
import { styles } from './deliverable-list.styles.js';
import { REVIEW_STATUSES, REVIEW_TONE, reviewBadge, reviewResources } from './review-badge.js';

export type { PorticoDeliverableSelectDetail };

export { REVIEW_STATUSES, REVIEW_TONE, reviewBadge };

/**
 * A project's deliverables: title, current version, review-status badge and who acted last and
 * when. Filter by review status; rows are one tab stop (arrow keys, Home, End; Enter or Space
 * selects). 100 load at a time ("Show more" adds the next). `deliverable` live events refresh the
 * list in place.
 *
 * @summary The deliverables of a project, with their review status.
 *
 * @slot header - Content above the filter, e.g. a heading.
 * @slot empty - Shown when there is no deliverable. Default: "No deliverables yet."
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart header - The container of the `header` slot.
 * @csspart filter - The review-status select.
 * @csspart list - The list of rows.
 * @csspart row - A deliverable row (a button).
 * @csspart title - The title in a row.
 * @csspart version - The current version number in a row.
 * @csspart meta - Who acted last, and when.
 * @csspart badge - Every badge; the review status badge is also `status`.
 * @csspart status - The review status badge.
 * @csspart loading - The loading state.
 * @csspart content - The loaded content.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The Retry button (loading failed, or the next deliverables did).
 * @csspart more - "Show more" (the next 100 deliverables), or the alert when they failed to load.
 *
 * @cssprop --portico-deliverable-list-row-padding - Padding of a row (default: 3 spacing units).
 * @cssprop --portico-deliverable-list-border-color - Borders of the list and rows.
 * @cssprop --portico-deliverable-list-radius - Radius of the list (default: twice `--portico-radius`).
 *
 * @fires portico-deliverable-select - A row was activated; `detail.deliverable`. Cancelable: `preventDefault()` keeps `selected` unchanged.
 * @fires portico-state-change - The review-status filter changed; `detail.state` (`{ reviewStatus }`) for a host's router (`restoreState(state)` shows it again).
 * @fires portico-error - Loading failed; `detail.code` is the error's machine code.
 *
 * @attribute url-state - Opt-in: keeps the review-status filter in the page's query string under this prefix (`history.replaceState`), restored on load, so Back returns to it.
 *
 * @example
 * ```html
 * <portico-deliverable-list project-id="prj_1" review-status="pending"></portico-deliverable-list>
 * ```
 */
export class PorticoDeliverableList extends PorticoElement<DeliverableListMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, failureStyles, styles];
  static override resources = { endpoints: { deliverables }, uses: [reviewResources] };

  static override properties = {
    projectId: { attribute: 'project-id', reflect: true },
    reviewStatus: { attribute: 'review-status', reflect: true },
    selected: { reflect: true },
    hideFilters: { type: Boolean, reflect: true, attribute: 'hide-filters' },
    noLive: { type: Boolean, reflect: true, attribute: 'no-live' },
    focusIndex: { state: true },
    hasHeader: { state: true },
  };

  /** The project whose deliverables are listed. Nothing loads without it. */
  projectId = '';

  /** Show only deliverables with this review status; empty for all. */
  reviewStatus: ReviewStatus | '' = '';

  /** Id of the selected deliverable (its row has `aria-current="true"`). */
  selected = '';

  /** Hides the review-status filter (the `review-status` attribute still applies). */
  hideFilters = false;

  /** Don't refresh on live `deliverable` events. */
  noLive = false;

  private focusIndex = 0;
  private hasHeader = false;

  /** 100 at a time; "Show more" adds the next ones. */
  private readonly pages = new PageController(this, {
    args: () => [this.projectId, this.reviewStatus] as const,
    load: async (client, [projectId, reviewStatus], cursor, { signal }): Promise<Page<DeliverableSummary>> =>
      projectId
        ? client.deliverables.list({ projectId, reviewStatus: reviewStatus || undefined, limit: 100, cursor, signal })
        : { data: [], nextCursor: null },
    live: (event) => !this.noLive && event.resource.kind === 'deliverable',
  });

  /** The filter for the host's router or the URL (`url-state`, `portico-state-change`). */
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: a controller works through its host
  private readonly state = new UrlStateController(
    this,
    () => ({ reviewStatus: this.reviewStatus }),
    (s) => this.restoreState(s),
  );

  /** Shows the list as a `portico-state-change` described it (what a router-driven host stored); invalid values are ignored. */
  restoreState(state: ListState): void {
    const { reviewStatus } = state;
    if (reviewStatus === '' || REVIEW_STATUSES.includes(reviewStatus as ReviewStatus))
      this.reviewStatus = reviewStatus as ReviewStatus | '';
  }

  /** Loads the list again (rows stay visible, marked busy). */
  refresh(): Promise<void> {
    return this.pages.refresh();
  }

  /** The deliverables on screen, or `[]` before the first load. */
  get deliverables(): readonly DeliverableSummary[] {
    return this.pages.items;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('projectId') || changed.has('reviewStatus')) this.focusIndex = 0;
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const { t } = this.i18n;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      <div part="header" class="header" ?hidden=${!this.hasHeader}>
        <slot name="header" @slotchange=${this.onSlotChange}></slot>
      </div>
      ${
        this.hideFilters
          ? nothing
          : html`<label class="filter">
              <span class="filter__label">${t('deliverableList.filter')}</span>
              <select part="filter" class="field" @change=${(e: Event) => (this.reviewStatus = (e.target as HTMLSelectElement).value as ReviewStatus)}>
                <option value="" ?selected=${!this.reviewStatus}>${t('deliverableList.all')}</option>
                ${REVIEW_STATUSES.map((s) => html`<option value=${s} ?selected=${this.reviewStatus === s}>${t(`deliverable.status.${s}`)}</option>`)}
              </select>
            </label>`
      }
      ${renderState(this, this.pages.resource, {
        complete: () => this.renderRows(this.deliverables),
        isEmpty: (page) => page.data.length === 0,
        emptyText: t(this.reviewStatus ? 'deliverableList.emptyFiltered' : 'deliverableList.empty'),
      })}
      ${renderMore(this, this.pages, { label: t('state.more') })}
    </div>`;
  }

  private renderRows(rows: readonly DeliverableSummary[]) {
    const { t, relativeTime } = this.i18n;
    const focus = Math.min(this.focusIndex, rows.length - 1);
    return html`<ul part="list" class="list" role="list" aria-label=${t('deliverableList.label')} @keydown=${this.onKeydown}>
      ${repeat(
        rows,
        (d) => d.id,
        (d, i) => {
          const a = d.lastAction;
          return html`<li>
            <button
              part="row"
              class="row"
              type="button"
              data-id=${d.id}
              tabindex=${i === focus ? '0' : '-1'}
              aria-current=${this.selected === d.id ? 'true' : nothing}
              @click=${() => this.select(d)}
              @focus=${() => (this.focusIndex = i)}
            >
              <span part="title" class="title" dir="auto">${d.title}</span>
              <span part="version" class="version">${t('deliverable.versionShort', { number: String(d.currentVersion.number) })}</span>
              <span class="badges">${reviewBadge(t, d.reviewStatus)}</span>
              <span part="meta" class="meta"
                >${a ? isolate(t, `deliverable.action.${a.kind}`, { name: a.by.name, time: relativeTime(a.at), version: String(a.version) }, 'name') : nothing}</span
              >
            </button>
          </li>`;
        },
      )}
    </ul>`;
  }

  private select(deliverable: DeliverableSummary): void {
    if (this.emit('portico-deliverable-select', { deliverable }, { cancelable: true })) this.selected = deliverable.id;
  }

  private onSlotChange(e: Event): void {
    this.hasHeader = (e.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  }

  private onKeydown(e: KeyboardEvent): void {
    const next = rowsKeydown(this.renderRoot, e);
    if (next >= 0) this.focusIndex = next;
  }
}
