import { expect } from '@open-wc/testing';
import { findProblem } from '../testing/xss.js';
import { isSafeUrl, renderMarkdown, renderMarkdownToHtml, sanitizeHtml, sanitizeHtmlToFragment } from './sanitize.js';

type Payload = { source: string; payload: string };

describe('sanitizer', () => {
  let corpus: Payload[];
  before(async () => {
    const res = await fetch('/__xss-corpus.json');
    if (!res.ok) throw new Error(`XSS corpus not served (${res.status}): ${await res.text()}`);
    corpus = (await res.json()) as Payload[];
  });

  it('loads the XSS corpus', () => {
    expect(corpus.length).to.be.greaterThan(2000);
  });

  it('neutralizes every corpus payload, as HTML and as Markdown, inserted into a live document', async function () {
    this.timeout(60_000);
    const w = window as unknown as Record<string, unknown>;
    const fired: string[] = [];
    const trap =
      (kind: string) =>
      (...args: unknown[]) => {
        fired.push(`${kind}(${String(args[0]).slice(0, 40)})`);
      };
    const saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt, print: window.print, open: window.open };
    Object.assign(window, {
      alert: trap('alert'),
      confirm: trap('confirm'),
      prompt: trap('prompt'),
      print: trap('print'),
      open: trap('open'),
    });
    w.__xss = trap('__xss');
    const onNavigate = () => fired.push('navigation');
    window.addEventListener('beforeunload', onNavigate);
    window.addEventListener('hashchange', onNavigate);
    const nav = (window as unknown as { navigation?: EventTarget }).navigation;
    nav?.addEventListener('navigate', onNavigate);
    const stage = document.createElement('div');
    document.body.append(stage);
    const problems: string[] = [];
    try {
      const BATCH = 250;
      for (let i = 0; i < corpus.length; i += BATCH) {
        const batch = corpus.slice(i, i + BATCH);
        const [html, md] = await Promise.all([
          Promise.all(batch.map((p) => sanitizeHtmlToFragment(p.payload))),
          Promise.all(batch.map((p) => renderMarkdown(p.payload))),
        ]);
        for (const [j, p] of batch.entries()) {
          for (const [kind, fragment] of [
            ['html', html[j]!],
            ['markdown', md[j]!],
          ] as const) {
            const box = document.createElement('div');
            box.append(fragment);
            stage.append(box);
            const problem = findProblem(box);
            if (problem) problems.push(`${kind} #${i + j} (${p.source}): ${problem}`);
          }
        }
        // Let anything that would fire (load/error handlers, timers, animations) do so.
        await new Promise((r) => setTimeout(r, 30));
        stage.replaceChildren();
      }
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      Object.assign(window, saved);
      window.removeEventListener('beforeunload', onNavigate);
      window.removeEventListener('hashchange', onNavigate);
      nav?.removeEventListener('navigate', onNavigate);
      stage.remove();
    }
    expect(problems.slice(0, 20), `${problems.length} payloads survived`).to.deep.equal([]);
    expect(fired, 'script ran').to.deep.equal([]);
  });

  it('keeps harmless formatting and safe links, with rel forced', async () => {
    const out = await sanitizeHtml(
      '<p>Hi <strong>there</strong> <a href="https://x.test/a" target="_top">x</a> <a href="/help">h</a> <a href="mailto:a@b">m</a></p>',
    );
    const box = document.createElement('div');
    box.innerHTML = out;
    const links = [...box.querySelectorAll('a')];
    expect(box.querySelector('strong')!.textContent).to.equal('there');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://x.test/a', '/help', null]);
    expect(links.every((a) => a.rel === 'noopener noreferrer')).to.equal(true);
    expect(links[0]!.hasAttribute('target')).to.equal(false);
  });

  it('a leading <frameset> is a misplaced tag, not a frameset document: a fragment (never null) with the text kept', async () => {
    for (const input of ['<frameset>', '  <frameset><frame src=x>', '<html><frameset>', '<head></head><frameset>']) {
      const fragment = await sanitizeHtmlToFragment(input);
      expect(fragment, input).to.be.instanceOf(DocumentFragment);
      expect(fragment.textContent!.trim(), input).to.equal('');
    }
    expect((await sanitizeHtmlToFragment('<frameset>Hello <b>after</b>')).textContent).to.equal('Hello after');
    expect(await sanitizeHtml('<frameset>Hello <b>after</b>')).to.equal('Hello <b>after</b>');
    expect((await renderMarkdown('<frameset>\n\nHello **after**')).textContent).to.contain('Hello after');
  });

  it('renders Markdown', async () => {
    const out = await renderMarkdownToHtml('# Title\n\n**bold** [link](javascript:alert(1)) [ok](https://ok.test)');
    expect(out).to.contain('<h1>Title</h1>');
    expect(out).to.contain('<strong>bold</strong>');
    expect(out).to.not.contain('javascript:');
    expect(out).to.contain('href="https://ok.test"');
  });

  it('accepts only http(s) and relative URLs', () => {
    for (const ok of ['https://a.test', 'http://a.test', '/x', 'x/y', '#top', '?q=1']) expect(isSafeUrl(ok), ok).to.equal(true);
    for (const bad of [
      'javascript:alert(1)',
      ' java\tscript:x',
      'JAVASCRIPT:x',
      'vbscript:x',
      'data:text/html,x',
      'mailto:a@b',
      'file:///etc',
    ]) {
      expect(isSafeUrl(bad), bad).to.equal(false);
    }
  });
});
