import * as z from 'zod/mini';
import { Attachment } from '../schemas/attachment.js';
import { post } from './define.js';

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
} as const;
