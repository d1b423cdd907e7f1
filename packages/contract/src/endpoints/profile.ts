import { Profile, ProfileUpdate } from '../schemas/profile.js';
import { get, post } from './define.js';

/** The signed-in contact's own profile (language, time zone) as the portal knows it. */
export const profile = {
  get: get({ path: '/profile', response: Profile }),
  update: post({ path: '/profile', body: ProfileUpdate, response: Profile }),
} as const;
