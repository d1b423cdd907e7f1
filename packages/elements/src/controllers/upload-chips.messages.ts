/** English strings of the upload chips (`renderUploads`, loaded with them on the first file picked). */
export const en = {
  'upload.files': 'Files to send',
  'upload.uploading': 'Uploading {name}…',
  'upload.tooLarge': '{name} is larger than {size}, the limit for a file.',
  'upload.wrongType': '{name} is not a kind of file that can be sent.',
  'upload.failed': '{name} couldn’t be uploaded. {reason}',
  'upload.retry': 'Try again',
  'upload.retryLabel': 'Try again to upload {name}',
  'upload.remove': 'Remove {name}',
  'upload.cancel': 'Stop uploading {name}',
} as const;
