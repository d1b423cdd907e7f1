import { expect } from '@open-wc/testing';
import { isSafeUrl, renderMarkdown, renderMarkdownToHtml, sanitizeHtml, sanitizeHtmlToFragment } from './sanitize.js';

interface Payload {
  source: string;
  payload: string;
}

const BAD_URL = /^(javascript|vbscript|data):/i;
const FORBIDDEN = 'script, iframe, object, embed, form, base, meta, frame, frameset, link, style, svg, math';

/** Every way a payload could still run or navigate: the first problem found, or null. */
function findProblem(root: ParentNode): string | null {
  const bad = root.querySelector(FORBIDDEN);
  if (bad) return `<${bad.localName}> survived`;
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) return `${name} on <${el.localName}>`;
      if (name === 'formaction' || name === 'http-equiv' || name === 'srcdoc') return `${name} on <${el.localName}>`;
      if (['href', 'src', 'xlink:href', 'action', 'data', 'poster', 'background', 'cite'].includes(name)) {
        // The browser's own URL parser decides what a click or load would do.
        let protocol = 'unparseable';
        try {
          protocol = new URL(attr.value, 'https://host.test/page').protocol;
        } catch {}
        // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip these from URLs
        const value = attr.value.replace(/[\u0000-\u0020]/g, '');
        if (BAD_URL.test(value) || !/^https?:$/.test(protocol)) return `${name}="${attr.value.slice(0, 60)}" on <${el.localName}>`;
      }
    }
    if (el.localName === 'a' && el.getAttribute('rel') !== 'noopener noreferrer') return '<a> without rel="noopener noreferrer"';
  }
  return null;
}

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
