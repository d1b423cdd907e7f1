/** English strings of <portico-kb-home> (the source: de and ar must have exactly these keys). */
export const en = {
  'kbHome.categories': 'Browse by topic',
  'kbHome.articleCount': { one: '{count} article', other: '{count} articles' },
  'kbHome.popular': 'Popular articles',
  'kbHome.recent': 'Recently updated',
  'kbHome.updated': 'Updated {time}',
  'kbHome.empty': 'The help center has no articles yet.',
  'kbHome.all': 'All topics',
  'kbHome.categoryEmpty': 'No articles in this topic yet.',
} as const;

export type KbHomeMessageKey = keyof typeof en;
