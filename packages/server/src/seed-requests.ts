/**
 * Document requests of the demo projects (migrations/050): on each organization's first project,
 * an overdue request with a rejected item, an uploaded one waiting for review, an accepted one and
 * a missing optional one; on the second, an open request due in two weeks with reminders. Called
 * from seed.ts inside its transaction.
 */
import { simplePdf } from './assets.js';
import type { Services } from './context.js';
import { insertMany, type Queryable } from './db/db.js';
import { bindOrg } from './db/tenant.js';
import { newId } from './ids.js';
import { insertFile } from './routes/files.js';

export interface RequestSeedRefs {
  orgId: string;
  projects: readonly string[];
  contacts: ReadonlyArray<{ id: string; name: string }>;
}

const DAY = 86_400_000;
const MB = 1024 * 1024;

export async function seedDocumentRequests(
  tx: Queryable,
  svc: Pick<Services, 'storage'>,
  r: RequestSeedRefs,
  now: number,
): Promise<number> {
  const [first, second] = r.projects;
  const client = r.contacts[0];
  if (!first || !client) return 0;
  const at = (days: number) => new Date(now + days * DAY);
  const requests: unknown[][] = [];
  const items: unknown[][] = [];
  const files: unknown[][] = [];
  const orgTx = bindOrg(tx, r.orgId);
  const req = (project: string, title: string, instructions: string, due: number, offsets: number[], created: number) => {
    const id = newId('dreq');
    requests.push([id, r.orgId, project, title, instructions, at(due), offsets, 'open', 'Sam Agent', at(created), at(-1)]);
    return id;
  };
  let position = 0;
  const item = (
    request: string,
    label: string,
    o: { required?: boolean; types?: string[]; max?: number; status?: string; reason?: string },
  ) => {
    const id = newId('ditm');
    const decided = o.status === 'accepted' || o.status === 'rejected' || o.status === 'not_applicable';
    items.push([
      id,
      r.orgId,
      request,
      ++position,
      label,
      o.required ?? true,
      o.types ?? [],
      o.max ?? 25 * MB,
      o.status ?? 'missing',
      o.reason ?? null,
      decided ? 'Sam Agent' : null,
      decided ? at(-2) : null,
      at(-2),
    ]);
    return id;
  };
  const attach = async (itemId: string, name: string, text: string) => {
    const f = await insertFile(svc, orgTx, client.id, name, 'application/pdf', simplePdf([text], name));
    files.push([newId('drf'), r.orgId, itemId, f.id, client.id, client.name, at(-3)]);
  };

  const yearEnd = req(
    first,
    'Year-end documents',
    'Please send the bank statements of every business account for the year, and the signed engagement letter.\nScans are fine; one PDF per account is easiest for us.',
    -2,
    [-7, -1, 3],
    -20,
  );
  const statements = item(yearEnd, 'Bank statements (all accounts)', {
    types: ['application/pdf'],
    status: 'rejected',
    reason: 'The December statement is missing page 3.',
  });
  await attach(statements, 'statements-2026.pdf', 'Bank statements 2026 (pages 1-2)');
  const letter = item(yearEnd, 'Signed engagement letter', { types: ['application/pdf', 'image/*'], status: 'uploaded' });
  await attach(letter, 'engagement-letter-signed.pdf', 'Engagement letter, signed');
  const receipts = item(yearEnd, 'Receipts over 250 EUR', { status: 'accepted', max: 500 * MB });
  await attach(receipts, 'receipts.pdf', 'Receipts over 250 EUR');
  item(yearEnd, 'Payroll summary', { required: false });
  if (second) {
    const assets = req(second, 'Brand assets for the refresh', 'Your current logo files and the fonts you license.', 14, [-3, 0], -1);
    item(assets, 'Logo (vector: PDF)', { types: ['application/pdf'] });
    item(assets, 'Photography archive (ZIP, large files welcome)', { types: ['application/zip'], max: 2048 * MB });
    item(assets, 'Font licences', { required: false });
  }

  await insertMany(
    tx,
    'document_requests',
    [
      'id',
      'org_id',
      'project_id',
      'title',
      'instructions',
      'due_at',
      'reminder_offsets',
      'status',
      'created_by_name',
      'created_at',
      'updated_at',
    ],
    requests,
  );
  await insertMany(
    tx,
    'document_request_items',
    [
      'id',
      'org_id',
      'request_id',
      'position',
      'label',
      'required',
      'accepted_types',
      'max_bytes',
      'status',
      'reason',
      'decided_by_name',
      'decided_at',
      'updated_at',
    ],
    items,
  );
  // Rejected files are superseded when the client uploads again; until then they are listed.
  await insertMany(
    tx,
    'document_request_files',
    ['id', 'org_id', 'item_id', 'file_id', 'uploaded_by_id', 'uploaded_by_name', 'created_at'],
    files,
  );
  return requests.length;
}
