import * as z from 'zod/mini';
import { Attachment, AttachmentPolicy } from '../schemas/attachment.js';
import { get, post } from './define.js';

export const AttachmentUpload = z.object({ file: z.file() });

/** File uploads, referenced by tickets and messages. */
export const attachments = {
  upload: post({
    path: '/attachments',
    body: AttachmentUpload,
    bodyKind: 'multipart',
    response: Attachment,
    status: 201,
  }),
  policy: get({ path: '/attachments/policy', response: AttachmentPolicy }),
} as const;
