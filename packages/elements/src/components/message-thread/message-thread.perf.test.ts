// Budget of issue 14: a thread with 5,000 messages scrolls without a long task over 100 ms.
// The whole history is scrolled through as a reader would: up to the first message (100 older
// pages of 50 load on the way, each keeping the view still), then down to the newest, one
// viewport at a time, every frame observed by a PerformanceObserver('longtask').
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { projectMessage } from '@portico/contract/fixtures';
import { longTasksDuring } from '../../testing/long-tasks.js';
import { createMockClient, json, problem } from '../../testing/mock-api.js';
import { messagesHandlers } from '../../testing/mock-messages.js';
import type { PorticoMessageThread } from './message-thread.component.js';
import './message-thread.js';

const COUNT = 5000;
const BODIES = [
  'Could you send the **revised homepage** before Thursday?',
  'Sure — changes:\n\n- larger logo\n- darker footer\n- `full width` hero',
  'Thanks, looks good. One question about the [pricing page](https://example.com/pricing).',
  'Plain text,\nwith two lines.',
];
const frame = () => new Promise((r) => requestAnimationFrame(r));

describe('<portico-message-thread> with 5,000 messages', () => {
  it('scrolls through the whole history, up (loading every older page) and down, with no long task over 100 ms', async function () {
    this.timeout(240_000);
    const mock = createMockClient();
    const m = messagesHandlers(json, problem);
    m.state.byProject.set(
      'prj_1',
      Array.from({ length: COUNT }, (_, i) =>
        projectMessage(i + 1, { body: `${BODIES[i % BODIES.length]} (#${i + 1})`, bodyFormat: i % 4 === 3 ? 'text' : 'markdown' }),
      ),
    );
    m.state.marker.set('prj_1', 'pmsg_04990');
    for (const [key, handler] of Object.entries(m.handlers)) mock.api.use(key, handler);
    const el = await fixture<PorticoMessageThread>(
      html`<portico-message-thread project-id="prj_1" style="--portico-message-thread-height: 600px" .client=${mock.client}></portico-message-thread>`,
    );
    const feed = () => el.shadowRoot!.querySelector<HTMLElement>('[part~="feed"]')!;
    const rendered = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('article[data-id]')];
    const atTop = () => !!el.shadowRoot!.querySelector('[part~="beginning"]');
    await waitUntil(() => rendered().length === 50, 'first page', { timeout: 5000 });
    const t0 = performance.now();
    let steps = 0;
    let most = 0;
    const tasks = await longTasksDuring(async () => {
      // Up to the first message: older pages load, and the window over them moves up.
      while (!atTop()) {
        const first = rendered()[0]!.dataset.id;
        feed().scrollTop = 0;
        await waitUntil(() => rendered()[0]!.dataset.id !== first || atTop(), `step ${steps} up`, { timeout: 10_000 });
        most = Math.max(most, rendered().length);
        steps++;
        await frame();
      }
      // Down to the newest, one viewport at a time.
      const newest = el.messages.at(-1)!.id;
      while (rendered().at(-1)!.dataset.id !== newest || feed().scrollHeight - feed().scrollTop - feed().clientHeight > 1) {
        feed().scrollTop += feed().clientHeight;
        await frame();
        most = Math.max(most, rendered().length);
        steps++;
      }
    });
    const longest = Math.max(0, ...tasks);
    console.log(
      `[message-thread perf] ${el.messages.length} messages (at most ${most} in the DOM), ${steps} scroll steps up and down in ${Math.round(performance.now() - t0)} ms; ` +
        `long tasks: ${tasks.length}, longest ${longest.toFixed(0)} ms (${tasks.map((t) => t.toFixed(0)).join(', ') || 'none'})`,
    );
    expect(el.messages.length).to.equal(COUNT);
    expect(most).to.be.at.most(200);
    expect(longest, `long tasks: ${tasks.join(', ')}`).to.be.below(100);
  });
});
