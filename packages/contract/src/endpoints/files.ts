import * as z from 'zod/mini';
import { IdParams, text } from '../schemas/common.js';
import { get } from './define.js';

/** Signed file downloads (binary: no client method). */
export const files = {
  get: get({
    path: '/files/{id}',
    params: IdParams,
    query: z.object({ exp: text(z.maxLength(32)), sig: text(z.maxLength(128)), disposition: z.optional(z.enum(['inline', 'attachment'])) }),
    response: 'binary',
  }),
} as const;
