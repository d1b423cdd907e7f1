// A thread of 5,000 messages scrolled through as a reader would: up to the first message (100
// older pages of 50 load on the way), then down to the newest, one viewport at a time. What is
// asserted is functional (every page loads, the DOM holds a bounded window); the time budget of
// issue 14 (no long task over 100 ms) is measured by the render benchmark (bench/render,
// `ONLY=message-thread node bench/render/run.mjs`), not here.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { projectMessage } from '@portico/contract/fixtures';
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
  it('scrolls through the whole history, up (loading every older page) and down, with at most 120 messages in the DOM', async function () {
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
    let steps = 0;
    let most = 0;
    {
      // Up to the first message: older pages load, and the window over them moves up.
      while (!atTop()) {
        const first = rendered()[0]!.dataset.id;
        feed().scrollTop = 0;
        await waitUntil(() => rendered()[0]!.dataset.id !== first || atTop(), `step ${steps} up`, { timeout: 10_000 });
        most = Math.max(most, rendered().length);
        steps++;
        await frame();
      }
      expect(rendered()[0]!.dataset.id, 'the oldest message at the top').to.equal(el.messages[0]!.id);
      // Down to the newest, one viewport at a time.
      const newest = el.messages.at(-1)!.id;
      while (rendered().at(-1)!.dataset.id !== newest || feed().scrollHeight - feed().scrollTop - feed().clientHeight > 1) {
        feed().scrollTop += feed().clientHeight;
        await frame();
        most = Math.max(most, rendered().length);
        steps++;
      }
    }
    expect(el.messages.length).to.equal(COUNT);
    expect(most).to.be.at.most(120);
    expect(rendered().at(-1)!.dataset.id).to.equal(el.messages.at(-1)!.id);
    expect(rendered().length).to.be.at.most(120);
  });
});
