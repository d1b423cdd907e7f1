import type { Message } from '../../i18n/i18n.js';
import type { en } from './project-timeline.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'projectTimeline.label': 'مراحل {name}',
  'projectTimeline.status': 'الحالة:',
  'projectTimeline.planned': 'مخطط لها',
  'projectTimeline.in_progress': 'قيد التنفيذ',
  'projectTimeline.done': 'مكتملة',
  'projectTimeline.due': 'تاريخ الاستحقاق {date}',
  'projectTimeline.noDue': 'بلا تاريخ استحقاق',
  'projectTimeline.completed': 'اكتملت في {date}',
  'projectTimeline.overdue': 'متأخرة',
  'projectTimeline.empty': 'لا توجد مراحل بعد.',
  'projectTimeline.more': 'عرض أول {shown} من {count} مرحلة.',
};
