import { MAX_ATTACHMENTS } from '@portico/contract';
import type { PortalHandlers } from '../context.js';
import { ACCEPTED_TYPES, PREVIEWABLE } from '../storage.js';
import { storeUpload } from './files.js';

export const attachments: PortalHandlers['attachments'] = {
  async upload({ db, principal: p, body, fileUrl }) {
    const f = await storeUpload(db, p.contactId, body.file);
    return {
      id: f.id,
      fileName: f.fileName,
      mediaType: f.mediaType,
      size: f.size,
      url: fileUrl(f.id, p.orgId, PREVIEWABLE.has(f.mediaType) ? 'inline' : 'attachment'),
    };
  },
  /** The limits `upload` enforces, from the configuration and the type sniffer, for forms to show and check up front. */
  async policy({ svc }) {
    return { maxBytes: svc.config.maxUploadBytes, maxFiles: MAX_ATTACHMENTS, acceptedTypes: [...ACCEPTED_TYPES] };
  },
};
