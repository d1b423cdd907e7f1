/** English strings of <portico-profile> (the source: de and ar must have exactly these keys). */
export const en = {
  'profile.label': 'Your profile',
  'profile.name': 'Name',
  'profile.email': 'Email',
  'profile.language': 'Language',
  'profile.timeZone': 'Time zone',
  'profile.notSet': 'Not set',
  'profile.languageDefault': 'Not set (this page’s language)',
  'profile.timeZoneDefault': 'Not set (this device’s time zone)',
  'profile.save': 'Save',
  'profile.saved': 'Saved.',
  'profile.failed': 'Your profile wasn’t saved. {reason}',
  'profile.manage': 'Change your details in your account settings',
  'profile.managedHint': 'Your name and email come from your account and are changed there.',
} as const;

export type ProfileMessageKey = keyof typeof en;
