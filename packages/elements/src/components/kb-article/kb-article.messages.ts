/** English strings of <portico-kb-article> (the source: de and ar must have exactly these keys). */
export const en = {
  'kbArticle.category': 'Category',
  'kbArticle.updated': 'Updated {date}',
  'kbArticle.notFound': 'This article doesn’t exist or is no longer available.',
  'kbArticle.feedback': 'Feedback',
  'kbArticle.question': 'Was this helpful?',
  'kbArticle.yes': 'Yes',
  'kbArticle.no': 'No',
  'kbArticle.sending': 'Sending your feedback…',
  'kbArticle.thanks': 'Thanks for your feedback!',
  'kbArticle.voteError': 'Your feedback couldn’t be sent. Try again.',
  'kbArticle.helpfulCount': {
    one: '{count} person found this helpful.',
    other: '{count} people found this helpful.',
  },
} as const;

export type KbArticleMessageKey = keyof typeof en;
