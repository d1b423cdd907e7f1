/** English messages of <portico-deliverable-list> (also the review vocabulary the viewer reuses). */
export const en = {
  'deliverable.status.pending': 'Awaiting review',
  'deliverable.status.approved': 'Approved',
  'deliverable.status.changes_requested': 'Changes requested',
  'deliverable.statusLabel': 'Review status',
  'deliverable.versionShort': 'v{number}',
  'deliverable.action.uploaded': 'Version {version} uploaded by {name} {time}',
  'deliverable.action.approved': 'Approved by {name} {time}',
  'deliverable.action.changes_requested': 'Changes requested by {name} {time}',
  'deliverable.action.commented': 'Comment by {name} {time}',
  'deliverableList.label': 'Deliverables',
  'deliverableList.filter': 'Review status',
  'deliverableList.all': 'All',
  'deliverableList.empty': 'No deliverables yet.',
  'deliverableList.emptyFiltered': 'No deliverables with this status.',
} as const;

export type DeliverableListMessageKey = keyof typeof en;
