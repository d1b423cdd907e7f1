/** English strings of <portico-approval-button> (the source: de and ar must have exactly these keys). */
export const en = {
  'approvalButton.label': 'Review decision',
  'approvalButton.approve': 'Approve',
  'approvalButton.requestChanges': 'Request changes',
  'approvalButton.undecided': 'Version {version} is waiting for your decision.',
  'approvalButton.undecidedOther': 'Version {version} is waiting for a decision by an approver.',
  'approvalButton.deciding': 'Recording your decision…',
  'approvalButton.approved': 'Version {version} approved by {name} on {date}.',
  'approvalButton.changesRequested': 'Changes to version {version} requested by {name} on {date}.',
  'approvalButton.noRole':
    'Only contacts with the approver role can approve or request changes. Ask an administrator of your organization.',
  'approvalButton.conflict': 'A newer version (version {version}) was uploaded, so version {old} can no longer be decided on.',
  'approvalButton.openVersion': 'Open version {version}',
  'approvalButton.approveTitle': 'Approve version {version}?',
  'approvalButton.changesTitle': 'Request changes to version {version}?',
  'approvalButton.approveText': 'Your approval of “{title}” is recorded in the audit trail and can’t be undone.',
  'approvalButton.changesText': 'Describe what should change in “{title}”. The agency sees your comment in the audit trail.',
  'approvalButton.comment': 'Comment (optional)',
  'approvalButton.commentRequired': 'What should change? (required)',
  'approvalButton.commentMissing': 'Describe the changes you need.',
  'approvalButton.cancel': 'Cancel',
  'approvalButton.confirmApprove': 'Approve version {version}',
  'approvalButton.confirmChanges': 'Send change request',
} as const;

export type ApprovalButtonMessageKey = keyof typeof en;
