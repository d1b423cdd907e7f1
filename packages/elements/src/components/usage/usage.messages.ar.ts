import type { Message } from '../../i18n/i18n.js';
import type { en } from './usage.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'usage.label': 'الاستخدام',
  'usage.empty': 'لا يوجد استخدام مُقاس.',
  'usage.count': '{value} {label}',
  'usage.ofLimit': '{used} من {limit}',
  'usage.unlimited': 'غير محدود',
  'usage.softLimit': 'حد مرن: يُحتسب الاستخدام الزائد عليه كاستخدام إضافي.',
  'usage.hardLimit': 'حد صارم: تتوقف الخدمة عنده.',
  'usage.percentUsed': 'استُخدم {percent}',
  'usage.over': 'تجاوز الحد',
  'usage.reached': 'تم بلوغ الحد',
  'usage.nearing': 'يقترب من الحد',
  'usage.resets': 'يُعاد التعيين في {date}',
  'usage.resetsDaily': 'يُعاد التعيين يوميًا، التالي في {date}',
  'usage.noReset': 'لا يُعاد التعيين',
  'usage.projected': 'المتوقع بحلول {date}: {value}',
  'usage.projectedOver': 'يُتوقع تجاوز الحد بحلول {date}: {value}',
  'usage.asOf': 'حتى {time}',
  'usage.tooEarly': 'من المبكر في هذه الفترة تقديم توقع.',
  'usage.data': 'بيانات الاستخدام',
  'usage.column.time': 'الوقت',
  'usage.column.used': 'المستخدم حتى الآن',
  'usage.chart': 'الاستخدام خلال الفترة: {used} حتى الآن، {limit}.',
  'usage.chartUnlimited': 'الاستخدام خلال الفترة: {used} حتى الآن.',
  'usage.limitLine': 'الحد {limit}',
};
