/** English strings of <portico-kb-search> (the source: de and ar must have exactly these keys). */
export const en = {
  'kbSearch.label': 'Search help articles',
  'kbSearch.placeholder': 'Search the help center',
  'kbSearch.suggestions': 'Suggested articles',
  'kbSearch.popular': 'Popular articles',
  'kbSearch.category': 'Category',
  'kbSearch.allCategories': 'All categories',
  'kbSearch.searching': 'Searching…',
  'kbSearch.results': { one: '{count} article found', other: '{count} articles found' },
  'kbSearch.noResults': 'No articles match “{query}”.',
  'kbSearch.noResultsShort': 'No articles found',
} as const;

export type KbSearchMessageKey = keyof typeof en;
