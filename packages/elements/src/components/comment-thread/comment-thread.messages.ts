/** English messages of <portico-comment-thread>. */
export const en = {
  'commentThread.label': 'Comments',
  'commentThread.empty': 'No comments on this version yet.',
  'commentThread.new': 'Add a comment',
  'commentThread.send': 'Comment',
  'commentThread.sending': 'Sending…',
  'commentThread.anchor.region': 'Region',
  'commentThread.anchor.regionNumber': 'Region {number}',
  'commentThread.anchor.page': 'Page {page}',
  'commentThread.anchor.time': 'At {time}',
  'commentThread.attach': 'Points to',
  'commentThread.removeAnchor': 'Remove',
  'commentThread.page': 'Page (optional)',
  'commentThread.useTime': 'Attach current time',
  'commentThread.byline': '{name}, {time}',
} as const;

export type CommentThreadMessageKey = keyof typeof en;
