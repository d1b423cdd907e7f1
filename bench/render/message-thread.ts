// The message-thread case of the render benchmark (page.ts): `<portico-message-thread>` over a
// thread of `count` messages (served by the in-page mock API), scrolled through the whole history
// as a reader would — up to the first message (every older page of 50 loads on the way, the view
// kept still each time), then down to the newest one viewport at a time — while a
// PerformanceObserver('longtask') records every task over 50 ms.
import { projectMessage } from '../../packages/contract/src/fixtures.ts';
import '../../packages/elements/src/components/message-thread/message-thread.ts';
import type { PorticoMessageThread } from '../../packages/elements/src/components/message-thread/message-thread.component.ts';
import { createMockClient, json, problem } from '../../packages/elements/src/testing/mock-api.ts';
import { messagesHandlers } from '../../packages/elements/src/testing/mock-messages.ts';

const stage = document.getElementById('stage')!;
const BODIES = [
  'Could you send the **revised homepage** before Thursday?',
  'Sure — changes:\n\n- larger logo\n- darker footer\n- `full width` hero',
  'Thanks, looks good. One question about the [pricing page](https://example.com/pricing).',
  'Plain text,\nwith two lines.',
];
const frame = () => new Promise((r) => requestAnimationFrame(r));
async function until(cond: () => unknown, ms = 10_000): Promise<void> {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) throw new Error('timeout');
    await frame();
  }
}

export interface ThreadScrollResult {
  messages: number;
  maxInDom: number;
  steps: number;
  ms: number;
  longest: number;
  over50: number;
  over100: number;
  tasks: number[];
  during: string[];
}

// The page is about:blank (not a secure context): the idempotency keys' randomUUID is missing there.
if (!crypto.randomUUID) {
  crypto.randomUUID = () =>
    '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
      (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16),
    ) as `${string}-${string}-${string}-${string}-${string}`;
}

export async function messageThreadScroll(count: number, format: 'mixed' | 'text' = 'mixed'): Promise<ThreadScrollResult> {
  const mock = createMockClient();
  const m = messagesHandlers(json, problem);
  m.state.byProject.set(
    'prj_1',
    Array.from({ length: count }, (_, i) =>
      projectMessage(i + 1, {
        body: `${BODIES[i % BODIES.length]} (#${i + 1})`,
        bodyFormat: format === 'text' || i % 4 === 3 ? 'text' : 'markdown',
      }),
    ),
  );
  m.state.marker.set('prj_1', `pmsg_${String(count - 10).padStart(5, '0')}`);
  for (const [key, handler] of Object.entries(m.handlers)) mock.api.use(key, handler);
  const el = document.createElement('portico-message-thread') as PorticoMessageThread;
  el.projectId = 'prj_1';
  el.style.setProperty('--portico-message-thread-height', '600px');
  (el as unknown as { client: unknown }).client = mock.client;
  stage.append(el);
  const root = el.shadowRoot!;
  const feed = () => root.querySelector<HTMLElement>('[part~="feed"]')!;
  const rendered = () => root.querySelectorAll<HTMLElement>('article[data-id]');
  const atTop = () => !!root.querySelector('[part~="beginning"]');
  await until(() => rendered().length === 50);
  await frame();

  const tasks: number[] = [];
  const starts: number[] = [];
  /** When each step began, and what it was (`up`: to the top, older pages on the way; `down`). */
  const marks: Array<[number, string]> = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      tasks.push(e.duration);
      starts.push(e.startTime);
    }
  });
  observer.observe({ type: 'longtask' });
  const t0 = performance.now();
  let steps = 0;
  let most = 0;
  try {
    while (!atTop()) {
      const first = rendered()[0]!.dataset.id;
      marks.push([performance.now(), `up:${el.messages.length}`]);
      feed().scrollTop = 0;
      await until(() => rendered()[0]!.dataset.id !== first || atTop());
      most = Math.max(most, rendered().length);
      steps++;
      await frame();
    }
    const newest = el.messages.at(-1)!.id;
    const last = () => {
      const list = rendered();
      return list[list.length - 1]!.dataset.id;
    };
    while (last() !== newest || feed().scrollHeight - feed().scrollTop - feed().clientHeight > 1) {
      marks.push([performance.now(), 'down']);
      feed().scrollTop += feed().clientHeight;
      await frame();
      most = Math.max(most, rendered().length);
      steps++;
    }
    await new Promise((r) => setTimeout(r, 100));
  } finally {
    for (const e of observer.takeRecords()) {
      tasks.push(e.duration);
      starts.push(e.startTime);
    }
    observer.disconnect();
  }
  const ms = performance.now() - t0;
  const messages = el.messages.length;
  el.remove();
  return {
    messages,
    maxInDom: most,
    steps,
    ms: Math.round(ms),
    longest: Math.round(Math.max(0, ...tasks)),
    over50: tasks.length,
    over100: tasks.filter((t) => t > 100).length,
    tasks: tasks.map(Math.round),
    // The step each task over 50 ms fell in ("up:<messages loaded>" or "down").
    during: starts.map((t) => marks.findLast(([at]) => at <= t)?.[1] ?? 'before'),
  };
}
