import type { PortalHandlers } from '../context.js';
import { PREVIEWABLE } from '../storage.js';
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
};
