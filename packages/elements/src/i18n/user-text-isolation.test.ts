// Issue 17: user-written text (subjects, names, bodies, file names, titles…) must render in its own
// direction inside either layout. Every component of the package is mounted in Arabic with fixture
// data whose user-text fields are wrapped in invisible markers; each marked string must sit in an
// element of its own with dir="auto" (or a <bdi>) that holds that string and nothing else.
// Components are taken from the custom-elements manifest, so a new one without a mount here fails.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createPorticoClient } from '@portico/client';
import { sendKeys } from '@web/test-runner-commands';
import { createMockApi } from '../testing/mock-api.js';
import { loadLocale } from './i18n.js';
import '../define.js';

// Invisible, bidi-neutral (class BN) characters: they change no direction decision.
const START = '\u2063';
const END = '\u2064';
/** Wire (snake_case) keys holding text people wrote or named. */
const USER_KEYS = new Set(['name', 'subject', 'body', 'title', 'summary', 'description', 'comment', 'file_name', 'assignee_name', 'tags']);

const mark = (s: string) => `${START}${s}${END}`;
type Segment = { text: string; highlight: boolean };
const isSegments = (v: unknown): v is Segment[] =>
  Array.isArray(v) && v.length > 0 && v.every((s) => s && typeof s === 'object' && 'highlight' in s && 'text' in s);

/** Marks every user-text string of a wire JSON value (a highlighted text's segments as one string). */
function markUserText(value: unknown, key = ''): unknown {
  if (isSegments(value)) {
    const out = value.map((s) => ({ ...s }));
    out[0]!.text = START + out[0]!.text;
    out.at(-1)!.text += END;
    return out;
  }
  if (typeof value === 'string') return USER_KEYS.has(key) && value ? mark(value) : value;
  if (Array.isArray(value)) return value.map((v) => markUserText(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markUserText(v, k)]));
  return value;
}

/** How each component is shown with its fixture data (and brought to show its user text). */
const MOUNTS: Record<string, { attrs?: string; setup?: (el: HTMLElement) => Promise<void>; noUserText?: boolean }> = {
  'portico-provider': {},
  'portico-ticket-list': {},
  'portico-ticket-detail': { attrs: 'ticket-id="tkt_1"' },
  'portico-ticket-form': {
    setup: async (el) => {
      el.shadowRoot!.querySelector<HTMLInputElement>('[part~="subject"]')!.focus();
      await sendKeys({ type: 'How do I export reports' });
      // Picked files: one the server takes (its chip), one it refuses (the sentence naming it).
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
      const dt = new DataTransfer();
      dt.items.add(new File(['x'], mark('notes.txt'), { type: 'text/plain' }));
      dt.items.add(new File(['x'], mark('setup.exe'), { type: 'application/x-msdownload' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change'));
      await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="chip"]').length === 2, 'no chips', { timeout: 4000 });
    },
  },
  'portico-kb-search': {
    setup: async (el) => {
      el.shadowRoot!.querySelector<HTMLInputElement>('[part~="input"]')!.focus();
      await sendKeys({ type: 'export' });
    },
  },
  'portico-kb-article': { attrs: 'slug="exporting-reports-1"' },
  // Invoices carry numbers, amounts and dates only (line descriptions are not shown): checked all the same.
  'portico-invoice-table': { noUserText: true },
  'portico-approval-button': { attrs: 'deliverable-id="dlv_1"' },
  'portico-approval-history': { attrs: 'deliverable-id="dlv_1"' },
  'portico-comment-thread': { attrs: 'deliverable-id="dlv_1" version="2"' },
  'portico-deliverable-list': { attrs: 'project-id="prj_1"' },
  'portico-deliverable-viewer': { attrs: 'deliverable-id="dlv_1"' },
  'portico-project-timeline': { attrs: 'project-id="prj_1"' },
  'portico-document-requests': { attrs: 'project-id="prj_1"' },
  'portico-message-thread': { attrs: 'project-id="prj_1"' },
  'portico-kb-home': {},
  'portico-invoice-detail': { attrs: 'invoice-id="inv_1"' },
  // Brands, last four digits and expiry dates: no user-written text (checked all the same).
  'portico-payment-methods': { noUserText: true },
  'portico-subscription': {},
  'portico-usage': {},
  'portico-notification-feed': {},
  // Categories and channels are the portal's own words.
  'portico-notification-preferences': { noUserText: true },
  'portico-profile': {},
  'portico-notification-bell': {
    setup: async (el) => {
      el.shadowRoot!.querySelector<HTMLElement>('[part~="button"], button')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('portico-notification-feed'), 'no feed', { timeout: 4000 });
      const feed = el.shadowRoot!.querySelector('portico-notification-feed') as HTMLElement & { updateComplete: Promise<unknown> };
      await waitUntil(() => feed.shadowRoot?.querySelector('[part~="item"], [part~="notification"], li'), 'feed not loaded', {
        timeout: 4000,
      });
    },
  },
};

/** The elements the package defines, from its custom-elements manifest. */
async function manifestTags(): Promise<string[]> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as {
    modules: Array<{ exports?: Array<{ kind: string; name: string }> }>;
  };
  return manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => e.name));
}

/** Text nodes of `root` and of every shadow root below it. */
function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out.push(child as Text);
      else walk(child);
    }
    const shadow = (node as Element).shadowRoot;
    if (shadow) walk(shadow);
  };
  walk(root);
  return out;
}

/** What is wrong with the isolation of the user text in `node`, or null. */
function isolationProblem(node: Text): string | null {
  let el = node.parentElement;
  while (el && !(el.localName === 'bdi' || el.getAttribute('dir') === 'auto')) el = el.parentElement;
  const where = `${node.parentElement?.localName}[part=${node.parentElement?.closest('[part]')?.getAttribute('part')}]`;
  const text = JSON.stringify(
    node.data
      .replace(/[\u2063\u2064]/g, '')
      .trim()
      .slice(0, 40),
  );
  if (!el) return `${text} in ${where}: no dir="auto" or <bdi> around it`;
  const all = (el.textContent ?? '').replace(/\s+/g, '');
  const starts = all.split(START).length - 1;
  const ends = all.split(END).length - 1;
  if (!all.startsWith(START) || !all.endsWith(END) || starts !== 1 || ends !== 1) {
    return `${text} in ${where}: its dir="auto"/<bdi> <${el.localName}> also holds other text (${JSON.stringify(el.textContent!.trim().slice(0, 60))})`;
  }
  return null;
}

describe('user-written text is isolated (dir="auto" or <bdi>) in every component, in Arabic', () => {
  before(() => loadLocale('ar'));

  it('every element of the manifest has a mount here (a new component is checked too)', async () => {
    const tags = await manifestTags();
    expect(tags.length).to.be.greaterThan(10);
    expect(tags.filter((t) => !(t in MOUNTS))).to.deep.equal([]);
  });

  for (const tag of Object.keys(MOUNTS).filter((t) => t !== 'portico-provider')) {
    it(`<${tag}>`, async function () {
      this.timeout(20_000);
      const api = createMockApi();
      const client = createPorticoClient({
        baseUrl: 'https://portal.test',
        getToken: async () => ({ token: 't', expiresAt: Date.now() + 3_600_000 }),
        retry: { limit: 0 },
        fetch: async (input, init) => {
          const res = await api.fetch(input, init);
          if (!res.headers.get('content-type')?.includes('json')) return res;
          const body = JSON.stringify(markUserText(await res.json()));
          return new Response(body, { status: res.status, headers: res.headers });
        },
      });
      const { attrs = '', setup, noUserText } = MOUNTS[tag] ?? {};
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar" dir="rtl"></div>`);
      wrapper.innerHTML = `<${tag} ${attrs} no-live></${tag}>`;
      const el = wrapper.firstElementChild as HTMLElement & { client: unknown };
      el.client = client;
      await waitUntil(() => el.shadowRoot && !el.shadowRoot.querySelector('[part~="loading"]'), 'still loading', { timeout: 5000 });
      await setup?.(el);
      if (!noUserText) await waitUntil(() => textNodes(el).some((n) => n.data.includes(START)), 'no user text shown', { timeout: 5000 });
      await aTimeout(300); // nested components, lazy rich text
      const marked = textNodes(el).filter((n) => n.data.includes(START) || n.data.includes(END));
      if (!noUserText) expect(marked.length).to.be.greaterThan(0);
      const problems = [...new Set(marked.map(isolationProblem).filter(Boolean))];
      expect(problems.join('\n')).to.equal('');
    });
  }
});
