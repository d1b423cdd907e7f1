import type { Message } from '../../i18n/i18n.js';
import type { en } from './project-timeline.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'projectTimeline.label': 'Meilensteine von {name}',
  'projectTimeline.status': 'Status:',
  'projectTimeline.planned': 'Geplant',
  'projectTimeline.in_progress': 'In Arbeit',
  'projectTimeline.done': 'Erledigt',
  'projectTimeline.due': 'Fällig am {date}',
  'projectTimeline.noDue': 'Kein Fälligkeitsdatum',
  'projectTimeline.completed': 'Abgeschlossen am {date}',
  'projectTimeline.overdue': 'Überfällig',
  'projectTimeline.empty': 'Noch keine Meilensteine.',
  'projectTimeline.more': 'Die ersten {shown} von {count} Meilensteinen.',
};
