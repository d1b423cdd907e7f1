import type { Message } from '../../i18n/i18n.js';
import type { en } from './kb-search.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'kbSearch.label': 'البحث في مقالات المساعدة',
  'kbSearch.placeholder': 'ابحث في مركز المساعدة',
  'kbSearch.suggestions': 'مقالات مقترحة',
  'kbSearch.popular': 'المقالات الشائعة',
  'kbSearch.category': 'الفئة',
  'kbSearch.allCategories': 'كل الفئات',
  'kbSearch.searching': 'جارٍ البحث…',
  'kbSearch.results': {
    zero: 'لم يُعثر على أي مقال',
    one: 'تم العثور على مقال واحد',
    two: 'تم العثور على مقالين',
    few: 'تم العثور على {count} مقالات',
    many: 'تم العثور على {count} مقالًا',
    other: 'تم العثور على {count} مقال',
  },
  'kbSearch.noResults': 'لا توجد مقالات تطابق «{query}».',
  'kbSearch.noResultsShort': 'لم يُعثر على مقالات',
};
