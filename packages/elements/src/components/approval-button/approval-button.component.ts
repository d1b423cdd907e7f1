import type { Approval, Decision, Deliverable, Role } from '@portico/contract';
import { approvals } from '@portico/contract/validators/approvals';
import { deliverables } from '@portico/contract/validators/deliverables';
import { me } from '@portico/contract/validators/me';
import { html, nothing, type PropertyValues } from 'lit';
import { PorticoElement } from '../../base/portico-element.js';
import { MutationController } from '../../controllers/mutation-controller.js';
import { renderFailure } from '../../controllers/render-mutation.js';
import { renderState, stateStyles } from '../../controllers/render-state.js';
import { errorCode, isAbort, ResourceController } from '../../controllers/resource-controller.js';
import { isolate } from '../../i18n/isolate.js';
import { failureStyles } from '../../styles/failure.styles.js';
import type { PorticoApproveRequestDetail } from './approval-button.events.js';
import { type ApprovalButtonMessageKey, en } from './approval-button.messages.js';
import { styles } from './approval-button.styles.js';

export type { PorticoApproveDetail, PorticoApproveRequestDetail, PorticoVersionOpenDetail } from './approval-button.events.js';

interface ReviewData {
  deliverable: Deliverable;
  approvals: readonly Approval[];
  /** The contact's roles, or undefined when `me.get` failed (the server still enforces the role). */
  roles?: readonly Role[];
}

/**
 * Approve a deliverable's version, or request changes with a required comment, behind a
 * confirmation dialog (a native modal `<dialog>`: focus stays inside, Escape closes, focus returns
 * to the button that opened it). Shows the decision already made on the version (who, when),
 * "recording…" while deciding (`aria-busy`), why the buttons are disabled for a contact without
 * the approver role, and a version conflict (a newer version was uploaded) with a way to open it.
 *
 * One decision attempt sends one `Idempotency-Key`, reused on Retry and by the client's own
 * retries, and a second click while a decision is in flight sends nothing: the server records
 * exactly one decision.
 *
 * @summary Approve a deliverable version or request changes.
 *
 * @slot approve-label - Text of the Approve button. Default: "Approve".
 * @slot changes-label - Text of the Request changes button. Default: "Request changes".
 * @slot reason - Why the buttons are disabled for a contact without the approver role.
 * @slot error - Replaces the default message when loading fails (the Retry button stays).
 *
 * @csspart base - The component's root (`aria-busy` while deciding).
 * @csspart status - The sentence saying what was decided or what is awaited.
 * @csspart actions - The container of the two buttons.
 * @csspart approve - The Approve button.
 * @csspart request-changes - The Request changes button.
 * @csspart reason - The no-role explanation.
 * @csspart conflict - The version-conflict notice.
 * @csspart open-version - Its "Open version N" button.
 * @csspart error - An error message (loading or deciding failed).
 * @csspart retry - Its Retry button.
 * @csspart dialog - The confirmation dialog.
 * @csspart dialog-title - The dialog's heading.
 * @csspart comment - The comment field.
 * @csspart comment-error - The "comment required" message.
 * @csspart cancel - The dialog's Cancel button.
 * @csspart confirm - The dialog's confirm button.
 * @csspart loading - The loading state.
 * @csspart content - The loaded content.
 *
 * @cssprop --portico-approval-button-gap - Space between status, buttons and messages (default: 2 spacing units).
 * @cssprop --portico-approval-button-approved-color - Colour of an approved status (default: `--portico-color-success`).
 * @cssprop --portico-approval-button-changes-color - Colour of a changes-requested status (default: `--portico-color-warning`).
 * @cssprop --portico-approval-button-dialog-width - Maximum width of the dialog (default: 32rem).
 *
 * @fires portico-approve-request - A decision was confirmed, before sending. Cancelable: `preventDefault()` sends nothing.
 * @fires portico-approve - The decision was recorded; `detail.approval` is the new audit entry.
 * @fires portico-version-open - "Open version N" after a conflict; `detail.version`. Cancelable: `preventDefault()` keeps the element on its version.
 * @fires portico-error - Loading or deciding failed; `detail.code` (`version_conflict`, `forbidden`, `network`…).
 *
 * @example
 * ```html
 * <portico-approval-button deliverable-id="dlv_1" version="2"></portico-approval-button>
 * ```
 */
export class PorticoApprovalButton extends PorticoElement<ApprovalButtonMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, failureStyles, styles];
  static override resources = {
    en,
    endpoints: { deliverables, approvals, me },
    locales: { de: () => import('./approval-button.messages.de.js'), ar: () => import('./approval-button.messages.ar.js') },
  };

  static override properties = {
    deliverableId: { attribute: 'deliverable-id', reflect: true },
    version: { type: Number, reflect: true },
    recorded: { state: true },
    forbidden: { state: true },
    conflict: { state: true },
    mode: { state: true },
    draft: { state: true },
    invalid: { state: true },
  };

  /** The deliverable to decide on. */
  deliverableId = '';

  /** The version to decide on; `0` (default) means the deliverable's current version. */
  version = 0;

  private recorded?: Approval;
  private forbidden = false;
  private conflict = false;
  private mode: Decision = 'approved';
  private draft = '';
  private invalid = false;

  private opener?: HTMLElement;
  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  private readonly resource = new ResourceController(this, {
    args: () => [this.deliverableId.trim()] as const,
    load: async (client, [id], { signal }): Promise<ReviewData | null> => {
      if (!id) return null;
      const [deliverable, page, me] = await Promise.all([
        client.deliverables.get({ id, signal }),
        client.approvals.list({ id, limit: 100, signal }),
        client.me.get({ signal }).catch((e: unknown) => {
          if (isAbort(e)) throw e;
          return undefined;
        }),
      ]);
      return { deliverable, approvals: page.data, roles: me?.roles };
    },
    live: ['deliverable'],
  });

  /** One decision: its key is reused on every retry of the same decision on the same version. */
  private readonly deciding = new MutationController(this, {
    send: (client, { deliverableId: id, version, decision, comment }: PorticoApproveRequestDetail, { key, signal }) =>
      client.approvals.create({ id, version, decision, comment: comment || undefined, idempotencyKey: key, signal }),
    request: (input) => ['portico-approve-request', input],
    onSuccess: (approval) => {
      this.recorded = approval;
      void this.focusStatus();
    },
    success: (approval) => ['portico-approve', { approval }],
    onError: (error, { version }) => {
      const code = errorCode(error);
      if (code !== 'version_conflict' && code !== 'forbidden' && code !== 'already_decided') return;
      // No use trying again: say why instead of the alert.
      this.deciding.reset();
      if (code === 'forbidden') this.forbidden = true;
      // Decided meanwhile (another tab, a double click): load and show that decision.
      else if (code === 'already_decided') void this.resource.refresh();
      else {
        this.version = version;
        this.conflict = true;
        void this.resource.refresh();
      }
    },
    reportErrors: true,
  });

  /** Loads the deliverable, its decisions and the contact's roles again. */
  refresh(): Promise<void> {
    return this.resource.refresh();
  }

  /** The version decisions apply to: `version`, else the current one (0 before loading). */
  get targetVersion(): number {
    return this.version || (this.resource.value?.deliverable.currentVersion.number ?? 0);
  }

  /** The decision on `targetVersion` (the newest), or undefined while undecided. */
  get approval(): Approval | undefined {
    const data = this.resource.value;
    const v = this.targetVersion;
    if (this.recorded?.version === v) return this.recorded;
    const found = data?.approvals.find((a) => a.version === v);
    const last = data?.deliverable.lastAction;
    if (found || !data || !last || last.version !== v || (last.kind !== 'approved' && last.kind !== 'changes_requested')) return found;
    // Not on the first page of the trail: the deliverable's last action still says who decided.
    return {
      id: '',
      deliverableId: data.deliverable.id,
      version: v,
      decision: last.kind,
      comment: null,
      decidedBy: last.by,
      decidedAt: last.at,
    };
  }

  /** Whether the contact may not decide (no approver role, or the server answered 403). */
  get disabledReason(): 'role' | 'busy' | null {
    const roles = this.resource.value?.roles;
    if (this.forbidden || (roles && !roles.includes('approver'))) return 'role';
    return this.deciding.pending ? 'busy' : null;
  }

  /**
   * Records a decision on `targetVersion` without the dialog (the dialog's confirm calls it).
   * Resolves to the new entry, or undefined when vetoed, refused or failed (the element shows why).
   */
  async decide(decision: Decision, comment = ''): Promise<Approval | undefined> {
    const id = this.resource.value?.deliverable.id;
    comment = comment.trim();
    if (!this.effectiveClient || !id || this.disabledReason || (decision === 'changes_requested' && !comment)) return undefined;
    return this.deciding.run({ deliverableId: id, version: this.targetVersion, decision, comment });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('deliverableId') && changed.get('deliverableId') !== undefined) {
      this.recorded = undefined;
      this.deciding.clearError();
      this.forbidden = this.conflict = false;
    }
  }

  protected override render() {
    const { lang, dir } = this.locale;
    return html`<div part="base" class="base" lang=${lang} dir=${dir} aria-busy=${this.deciding.pending ? 'true' : 'false'}>
      ${
        this.deliverableId.trim()
          ? renderState(this, this.resource, { complete: (data) => (data ? this.renderDecision(data) : nothing) })
          : nothing
      }
      ${this.renderDialog()}
    </div>`;
  }

  private renderDecision({ deliverable }: ReviewData) {
    const { t, date } = this.i18n;
    const version = this.targetVersion;
    const approval = this.approval;
    if (approval) {
      const key = approval.decision === 'approved' ? 'approvalButton.approved' : 'approvalButton.changesRequested';
      const when = date(approval.decidedAt, { dateStyle: 'medium', timeStyle: 'short' });
      return html`<p part="status" class="status" tabindex="-1" data-decision=${approval.decision}>
        ${isolate(t, key, { version, name: approval.decidedBy.name, date: when }, 'name')}
      </p>`;
    }
    const current = deliverable.currentVersion.number;
    if (this.conflict || version < current) {
      return html`<div part="conflict" class="conflict" role="alert">
        <p>${t('approvalButton.conflict', { version: current, old: version })}</p>
        <button part="open-version" class="button" type="button" @click=${this.openCurrent}>
          ${t('approvalButton.openVersion', { version: current })}
        </button>
      </div>`;
    }
    const reason = this.disabledReason;
    const disabled = reason ? 'true' : 'false';
    return html`<p part="status" class="status" role="status">
        ${t(
          this.deciding.pending
            ? 'approvalButton.deciding'
            : // "your decision" only to a known approver: anyone else is told who decides.
              reason !== 'role' && this.resource.value?.roles?.includes('approver')
              ? 'approvalButton.undecided'
              : 'approvalButton.undecidedOther',
          { version },
        )}
      </p>
      <div part="actions" class="actions" role="group" aria-label=${t('approvalButton.label')}>
        <button
          part="approve"
          class="button button--primary"
          type="button"
          aria-disabled=${disabled}
          aria-describedby=${reason === 'role' ? 'reason' : nothing}
          @click=${(e: Event) => this.open('approved', e)}
        >
          <slot name="approve-label">${t('approvalButton.approve')}</slot>
        </button>
        <button
          part="request-changes"
          class="button"
          type="button"
          aria-disabled=${disabled}
          aria-describedby=${reason === 'role' ? 'reason' : nothing}
          @click=${(e: Event) => this.open('changes_requested', e)}
        >
          <slot name="changes-label">${t('approvalButton.requestChanges')}</slot>
        </button>
      </div>
      ${
        reason === 'role'
          ? html`<p part="reason" class="reason" id="reason"><slot name="reason">${t('approvalButton.noRole')}</slot></p>`
          : nothing
      }
      ${renderFailure(this, this.deciding, { part: 'error', retry: 'retry' })}`;
  }

  private renderDialog() {
    const { t } = this.i18n;
    const version = this.targetVersion;
    const approve = this.mode === 'approved';
    const title = this.resource.value?.deliverable.title ?? '';
    return html`<dialog part="dialog" class="dialog" aria-labelledby="title" aria-describedby="text" @close=${this.onClose}>
      <form class="form" novalidate @submit=${this.onSubmit}>
        <h2 part="dialog-title" class="title" id="title">
          ${t(approve ? 'approvalButton.approveTitle' : 'approvalButton.changesTitle', { version })}
        </h2>
        <p id="text">${isolate(t, approve ? 'approvalButton.approveText' : 'approvalButton.changesText', { title }, 'title')}</p>
        <label for="comment">${t(approve ? 'approvalButton.comment' : 'approvalButton.commentRequired')}</label>
        <textarea
          part="comment"
          class="field"
          id="comment"
          rows="4"
          maxlength="5000"
          ?required=${!approve}
          aria-invalid=${this.invalid ? 'true' : 'false'}
          aria-describedby=${this.invalid ? 'comment-error' : nothing}
          .value=${this.draft}
          @input=${(e: Event) => {
            this.draft = (e.target as HTMLTextAreaElement).value;
            this.invalid = false;
          }}
        ></textarea>
        ${
          this.invalid
            ? html`<p part="comment-error" class="field-error" id="comment-error">${t('approvalButton.commentMissing')}</p>`
            : nothing
        }
        <div class="dialog-actions">
          <button part="cancel" class="button" type="button" @click=${() => this.dialog.close()}>${t('approvalButton.cancel')}</button>
          <button part="confirm" class="button button--primary" type="submit">
            ${approve ? t('approvalButton.confirmApprove', { version }) : t('approvalButton.confirmChanges')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private async open(decision: Decision, e: Event): Promise<void> {
    if (this.disabledReason) return;
    this.opener = e.currentTarget as HTMLElement;
    this.mode = decision;
    this.draft = '';
    this.invalid = false;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  private onClose(): void {
    // Chromium restores focus on its own; other engines and re-rendered openers need the nudge.
    if (this.opener?.isConnected) this.opener.focus();
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    if (!this.dialog.open) return;
    const comment = this.draft.trim();
    if (this.mode === 'changes_requested' && !comment) {
      this.invalid = true;
      this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')!.focus();
      return;
    }
    this.dialog.close();
    void this.decide(this.mode, comment);
  }

  private openCurrent(): void {
    const deliverable = this.resource.value?.deliverable;
    if (!deliverable) return;
    const version = deliverable.currentVersion.number;
    if (this.emit('portico-version-open', { deliverableId: deliverable.id, version }, { cancelable: true })) {
      this.conflict = false;
      this.version = version;
    }
  }

  /** After a decision the buttons are gone: keep keyboard focus in the element, on the new status. */
  private async focusStatus(): Promise<void> {
    const hadFocus = document.activeElement === this;
    await this.updateComplete;
    if (hadFocus && !this.renderRoot.querySelector(':focus')) this.renderRoot.querySelector<HTMLElement>('[part~="status"]')?.focus();
  }
}
