import type { en as chips } from './upload-chips.messages.js';

/** English strings of the upload controls shown up front (`renderAttach`, `uploadHint`); the chips' are in `upload-chips.messages.ts`. */
export const en = {
  'upload.attach': 'Attach files',
  'upload.hint': 'Up to {count} files, {size} each.',
  'upload.types': 'Accepted: {types}.',
  'upload.images': 'images',
  'upload.text': 'text files',
} as const;

/** Every key of the uploads' messages: the controls' and the chips'. */
export type UploadMessageKey = keyof typeof en | keyof typeof chips;
