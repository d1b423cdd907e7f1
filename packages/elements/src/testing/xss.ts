/**
 * Test helpers for hostile content: what would still run or navigate in a rendered tree, and a
 * trap that records any script that ran. Used by the sanitizer's and the renderers' tests.
 */

const BAD_URL = /^(javascript|vbscript|data):/i;
const FORBIDDEN = 'script, iframe, object, embed, form, base, meta, frame, frameset, link, style, svg, math, template, noscript';

/** Every way a payload could still run or navigate under `root`: the first problem found, or null. */
export function findProblem(root: ParentNode): string | null {
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

/**
 * Replaces alert/confirm/prompt/print/open and `window.__xss` with recorders and listens for
 * navigation; `fired` lists what ran. Call `restore()` when done.
 */
export function trapScripts(): { fired: string[]; restore(): void } {
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
  return {
    fired,
    restore() {
      Object.assign(window, saved);
      delete w.__xss;
      window.removeEventListener('beforeunload', onNavigate);
      window.removeEventListener('hashchange', onNavigate);
      nav?.removeEventListener('navigate', onNavigate);
    },
  };
}

/** The vendored XSS corpus (fixtures/xss), served to browser tests at /__xss-corpus.json. */
export async function loadXssCorpus(): Promise<Array<{ source: string; payload: string }>> {
  const res = await fetch('/__xss-corpus.json');
  if (!res.ok) throw new Error(`XSS corpus not served (${res.status}): ${await res.text()}`);
  return res.json();
}

/** Inputs that make HTML parsers change mode: document-level tags, raw-text and foreign content. */
export const PARSER_TRAPS = [
  '<frameset>',
  '<frameset><frame src="javascript:alert(1)"></frameset>',
  '  <frameset onload=alert(1)>',
  '<html><frameset>',
  '<head></head><frameset>',
  '<body><frameset>',
  '<frameset>\n\nHello after a frameset',
  '<noframes><img src=x onerror=alert(1)></noframes>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><img src=x onerror=alert(1)></template>',
  '<template shadowrootmode="open"><img src=x onerror=alert(1)></template>',
  '<plaintext><img src=x onerror=alert(1)>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<noembed><img src=x onerror=alert(1)></noembed>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<title><img src=x onerror=alert(1)></title>',
  '<style><img src=x onerror=alert(1)></style>',
  '<select><template><img src=x onerror=alert(1)></template></select>',
  '<table><frameset>',
  '<svg><style><img src=x onerror=alert(1)></style></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<!-- <img src=x onerror=alert(1)> -->',
  '<!--',
  '<![CDATA[<img src=x onerror=alert(1)>]]>',
  '<?xml version="1.0"?><img src=x onerror=alert(1)>',
  '<!doctype html><html><head><meta http-equiv="refresh" content="0;url=javascript:alert(1)"></head><body>x</body></html>',
  '<base href="javascript:alert(1)//"><a href="x">x</a>',
  '<form><button formaction="javascript:alert(1)">x</button></form>',
  '\u0000<img src=x onerror=alert(1)>\u0000',
  `${'<div>'.repeat(600)}deep${'</div>'.repeat(600)}`,
  `${'> '.repeat(300)}deep quote`,
  '[x](javascript:alert(1)) ![y](javascript:alert(1)) <javascript:alert(1)>',
  '',
];
