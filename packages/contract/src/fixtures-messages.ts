/** Sample project messages (camelCase) for tests, stories and mock handlers. */
import type { ProjectMessage } from './schemas/message.js';

const T0 = Date.UTC(2026, 9, 1, 9, 0, 0);

const PEOPLE = [
  { kind: 'contact', id: 'ct_alice', name: 'Alice Example' },
  { kind: 'agent', id: 'agt_dana', name: 'Dana Whitfield' },
  { kind: 'contact', id: 'ct_bob', name: 'Bob Jones' },
  { kind: 'agent', id: 'agt_nour', name: 'نور الهدى' },
] as const;

const BODIES = [
  'Morning! Could you send the **revised homepage** before Thursday?',
  'Sure — the draft is in the deliverables tab. Changes:\n\n- larger logo\n- darker footer',
  'Thanks, looks good. One question: can the hero image be `full width`?',
  'Yes. We will upload version 3 tomorrow.',
];

/** Message `n` (1-based) of project `projectId`: authors and bodies alternate, one minute apart. */
export const projectMessage = (n = 1, o: Partial<ProjectMessage> = {}): ProjectMessage => ({
  id: `pmsg_${String(n).padStart(5, '0')}`,
  projectId: 'prj_1',
  author: { ...PEOPLE[(n - 1) % PEOPLE.length]! },
  body: BODIES[(n - 1) % BODIES.length]!,
  bodyFormat: 'markdown',
  attachments: [],
  createdAt: new Date(T0 + n * 60_000).toISOString(),
  ...o,
});
