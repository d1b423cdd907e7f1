import * as z from 'zod/mini';
import { Id, SafeUrl } from './common.js';

/** A file uploaded through `POST /attachments` and then referenced from a ticket or message. */
export const Attachment = z.object({
  id: Id,
  fileName: z.string(),
  mediaType: z.string(),
  size: z.int().check(z.nonnegative()),
  url: SafeUrl,
});
export type Attachment = z.infer<typeof Attachment>;
