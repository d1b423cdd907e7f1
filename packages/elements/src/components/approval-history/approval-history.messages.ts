/** English strings of <portico-approval-history> (the source: de and ar must have exactly these keys). */
export const en = {
  'approvalHistory.label': 'Decision history',
  'approvalHistory.version': 'Version {version}',
  'approvalHistory.approved': 'Approved',
  'approvalHistory.changes_requested': 'Changes requested',
  'approvalHistory.by': 'by {name}',
  'approvalHistory.comment': 'Comment:',
  'approvalHistory.empty': 'No decisions yet.',
} as const;

export type ApprovalHistoryMessageKey = keyof typeof en;
