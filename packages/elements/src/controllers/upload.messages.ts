/** English strings of file uploads (`UploadController`, `renderUploads`): the source; `de` and `ar` must have every key. */
export const en = {
  'upload.attach': 'Attach files',
  'upload.files': 'Files to send',
  'upload.hint': 'Up to {count} files, {size} each.',
  'upload.types': 'Accepted: {types}.',
  'upload.images': 'images',
  'upload.text': 'text files',
  'upload.uploading': 'Uploading {name}…',
  'upload.tooLarge': '{name} is larger than {size}, the limit for a file.',
  'upload.wrongType': '{name} is not a kind of file that can be sent.',
  'upload.failed': '{name} couldn’t be uploaded. {reason}',
  'upload.retry': 'Try again',
  'upload.retryLabel': 'Try again to upload {name}',
  'upload.remove': 'Remove {name}',
  'upload.cancel': 'Stop uploading {name}',
} as const;

export type UploadMessageKey = keyof typeof en;
