import * as z from 'zod/mini';
import { IdParams } from '../schemas/common.js';
import { get } from './define.js';

/** Signed file downloads (binary: no client method). */
export const files = {
  get: get({
    path: '/files/{id}',
    params: IdParams,
    query: z.object({ exp: z.string(), sig: z.string(), disposition: z.optional(z.enum(['inline', 'attachment'])) }),
    response: 'binary',
  }),
} as const;
