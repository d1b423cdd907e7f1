import type { ReviewStatus } from '@portico/contract';
import { html } from 'lit';
import type { Resources } from '../../base/resources.js';
import type { Translator } from '../../i18n/i18n.js';
import { type DeliverableListMessageKey, en } from './deliverable-list.messages.js';

/** The review vocabulary lives in the list's catalog: whoever shows a badge uses these resources. */
export const reviewResources: Resources = {
  en,
  locales: { de: () => import('./deliverable-list.messages.de.js'), ar: () => import('./deliverable-list.messages.ar.js') },
};

export const REVIEW_STATUSES: readonly ReviewStatus[] = ['pending', 'changes_requested', 'approved'];
export const REVIEW_TONE: Record<ReviewStatus, string> = { pending: 'warning', approved: 'success', changes_requested: 'danger' };

/** The review-status badge shared by the list and the viewer (styles: `badgeStyles` in src/styles/badge.styles.ts). */
export const reviewBadge = (t: Translator<DeliverableListMessageKey>['t'], status: ReviewStatus) =>
  html`<span part="badge status" class="badge" data-tone=${REVIEW_TONE[status] ?? 'muted'} data-status=${status}>
    <span class="visually-hidden">${t('deliverable.statusLabel')}:</span> ${t(`deliverable.status.${status}`)}
  </span>`;
