/** English strings of <portico-project-timeline> (the source: de and ar must have exactly these keys). */
export const en = {
  'projectTimeline.label': 'Milestones of {name}',
  'projectTimeline.status': 'Status:',
  'projectTimeline.planned': 'Planned',
  'projectTimeline.in_progress': 'In progress',
  'projectTimeline.done': 'Done',
  'projectTimeline.due': 'Due {date}',
  'projectTimeline.noDue': 'No due date',
  'projectTimeline.completed': 'Completed {date}',
  'projectTimeline.overdue': 'Overdue',
  'projectTimeline.empty': 'No milestones yet.',
  'projectTimeline.more': 'Showing the first {shown} of {count} milestones.',
} as const;

export type ProjectTimelineMessageKey = keyof typeof en;
