/** English strings of <portico-provider access-link> (the source: de and ar must have exactly these keys). */
export const en = {
  'provider.link.missing': 'This page needs the private link you were sent. Open the link from your message again.',
  'provider.link.invalid': 'This link isn’t valid. Check that you opened the whole link, or ask the sender for a new one.',
  'provider.link.revoked': 'This link was turned off by the sender. Ask them for a new link.',
  'provider.link.expired': 'This link has expired. Ask the sender for a new link.',
  'provider.link.used': 'This link could be opened only once, and it has already been used. Ask the sender for a new link.',
  'provider.link.ended': 'Your access through this link has ended. Ask the sender for a new link.',
  'provider.link.rateLimited': 'Too many attempts to open this link. Wait a minute, then try again.',
  'provider.link.failed': 'The link couldn’t be checked: the portal didn’t answer. Check your connection and try again.',
  'provider.link.retry': 'Try again',
} as const;

export type ProviderMessageKey = keyof typeof en;
