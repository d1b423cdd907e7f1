/**
 * The mock API's document requests: a stateful project with two requests (one overdue with a
 * rejected item, one closed), so uploads and reviews change what the list shows as on the server.
 */
import type { DocumentItem, DocumentRequest } from '@portico/contract';
import type { MockHandler, MockResponse } from './mock-api.js';

const DAY = 86_400_000;

export function documentRequestsFixture(now = Date.now()): DocumentRequest[] {
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  const item = (id: string, label: string, o: Partial<DocumentItem> = {}): DocumentItem => ({
    id,
    label,
    required: true,
    acceptedTypes: [],
    maxBytes: 25 * 1024 * 1024,
    status: 'missing',
    reason: null,
    decidedBy: null,
    decidedAt: null,
    files: [],
    ...o,
  });
  const file = (id: string, fileName: string, size: number) => ({
    id,
    fileName,
    mediaType: 'application/pdf',
    size,
    checksum: 'a'.repeat(64),
    uploadedBy: { id: 'con_1', name: 'Alice Anders' },
    createdAt: at(-2),
    downloadUrl: `/portal/v1/files/${id}?exp=9999999999&sig=x`,
  });
  return [
    {
      id: 'dreq_1',
      projectId: 'prj_1',
      title: 'Year-end bookkeeping',
      instructions: 'Please send the bank statements of every account for 2026.\nScans are fine.',
      dueAt: at(-1),
      reminderOffsets: [-7, -1, 2],
      status: 'open',
      createdBy: 'Sam Agent',
      createdAt: at(-10),
      updatedAt: at(-1),
      closedAt: null,
      items: [
        item('ditm_1', 'Bank statements (all accounts)', {
          acceptedTypes: ['application/pdf'],
          status: 'rejected',
          reason: 'Page 3 of the December statement is missing.',
          decidedBy: 'Sam Agent',
          decidedAt: at(-1),
        }),
        item('ditm_2', 'Signed engagement letter', {
          acceptedTypes: ['application/pdf', 'image/*'],
          status: 'uploaded',
          files: [file('drf_1', 'engagement-letter.pdf', 182_000)],
        }),
        item('ditm_3', 'Receipts over 250 €', {
          status: 'accepted',
          files: [file('drf_2', 'receipts.zip', 4_200_000)],
          decidedBy: 'Sam Agent',
          decidedAt: at(-3),
        }),
        item('ditm_4', 'Payroll summary', { required: false }),
        item('ditm_5', 'Vehicle log', { status: 'not_applicable', decidedBy: 'Sam Agent', decidedAt: at(-4) }),
      ],
    },
    {
      id: 'dreq_2',
      projectId: 'prj_1',
      title: 'Brand assets',
      instructions: '',
      dueAt: at(14),
      reminderOffsets: [],
      status: 'closed',
      createdBy: 'Sam Agent',
      createdAt: at(-30),
      updatedAt: at(-20),
      closedAt: at(-20),
      items: [
        item('ditm_6', 'Logo (vector)', {
          status: 'accepted',
          files: [file('drf_3', 'logo.pdf', 52_000)],
          decidedBy: 'Sam Agent',
          decidedAt: at(-20),
        }),
      ],
    },
  ];
}

export function documentRequestHandlers(
  json: (body: unknown, status?: number) => MockResponse,
  paginate: <T>(rows: readonly T[], query: Record<string, string>) => MockResponse,
  problem: (status: number, code: string, title?: string) => MockResponse,
): Record<string, MockHandler> {
  const state = documentRequestsFixture();
  const find = (p: Record<string, string>) => state.find((r) => r.id === p.requestId)?.items.find((i) => i.id === p.itemId);
  let seq = 10;
  return {
    'documentRequests.list': ({ query }) => paginate(state, query),
    'documentRequests.get': ({ params }) => {
      const r = state.find((x) => x.id === params.requestId);
      return r ? json(r) : problem(404, 'not_found');
    },
    'documentRequests.upload': ({ params, body }) => {
      const item = find(params);
      if (!item) return problem(404, 'not_found');
      const form = body as FormData;
      const f = form.get('file') as File;
      const replace = form.get('replace') === 'true' || item.status === 'rejected';
      const added = {
        id: `drf_${++seq}`,
        fileName: f.name,
        mediaType: f.type || 'application/octet-stream',
        size: f.size,
        checksum: 'b'.repeat(64),
        uploadedBy: { id: 'con_1', name: 'Alice Anders' },
        createdAt: new Date().toISOString(),
        downloadUrl: `/portal/v1/files/drf_${seq}?exp=9999999999&sig=x`,
      };
      Object.assign(item, {
        status: 'uploaded',
        reason: null,
        decidedBy: null,
        decidedAt: null,
        files: [...(replace ? [] : item.files), added],
      });
      return json(item, 201);
    },
    'documentRequests.review': ({ params, body }) => {
      const item = find(params);
      if (!item) return problem(404, 'not_found');
      const b = body as { decision: DocumentItem['status']; reason?: string | null };
      Object.assign(item, {
        status: b.decision,
        reason: b.reason ?? null,
        decidedBy: 'Rita Reviewer',
        decidedAt: new Date().toISOString(),
      });
      return json(item);
    },
  };
}
