import { expect, waitUntil } from '@open-wc/testing';
import DOMPurify from 'dompurify';
import { html, render } from 'lit';
import { richText } from './rich-text.js';

/** Renders `richText(source, format)` into a fresh box and waits for its final state. */
async function show(source: string, format: 'markdown' | 'html' = 'markdown') {
  const box = document.createElement('div');
  document.body.append(box);
  render(html`<div class="body">${richText(source, format)}</div>`, box);
  const body = box.querySelector<HTMLElement>('.body')!;
  await waitUntil(() => body.hasAttribute('data-ready'), 'never ready', { timeout: 4000 });
  return { body, remove: () => box.remove() };
}

describe('richText', () => {
  it('a leading <frameset> ends rendered, with the text after it', async () => {
    const { body, remove } = await show('<frameset>\n\nHello **after**');
    expect(body.hasAttribute('data-error')).to.equal(false);
    expect(body.querySelector('strong')!.textContent).to.equal('after');
    remove();
  });

  it('when the sanitizer fails: plain text and data-error, and the next render tries again', async () => {
    await show('warm-up'); // the sanitizer module (and DOMPurify) loaded
    const source = 'Fails **once** (hook)';
    // DOMPurify is one module instance: the sanitizer's own import gets this hook too.
    DOMPurify.addHook('uponSanitizeElement', (node) => {
      if (node.textContent?.includes('(hook)')) throw new Error('sanitizer failed');
    });
    let shown: Awaited<ReturnType<typeof show>>;
    try {
      shown = await show(source);
    } finally {
      DOMPurify.removeHook('uponSanitizeElement');
    }
    expect(shown.body.hasAttribute('data-error')).to.equal(true);
    expect(shown.body.textContent).to.equal(source);
    expect(shown.body.querySelector('*')).to.equal(null);
    shown.remove();
    // The failure was not cached: the same text renders now.
    const again = await show(source);
    expect(again.body.hasAttribute('data-error')).to.equal(false);
    expect(again.body.querySelector('strong')!.textContent).to.equal('once');
    again.remove();
  });
});
