import { Me } from '../schemas/account.js';
import { get } from './define.js';

/** The signed-in contact. */
export const me = {
  get: get({ path: '/me', response: Me }),
} as const;
