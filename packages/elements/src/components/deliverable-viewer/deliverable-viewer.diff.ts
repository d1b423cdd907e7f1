/**
 * The deliverable viewer's text comparison, loaded only when a text comparison is opened: both
 * texts fetched, diffed by line or by word (`text-diff.ts`), and shown as one text with the
 * removals in `<del>` and the additions in `<ins>` — marked by a sign, a strike-through or an
 * underline and a hidden "Removed:" / "Added:" label, not by colour alone — under a summary of the
 * counts that screen readers announce. The texts are the users' own: every line is `dir="auto"`.
 * Its styles are the previews' (`deliverable-viewer.preview.styles.ts`), there with the text preview's.
 */
import type { DeliverableVersion } from '@portico/contract';
import type { Kit, ViewerHost } from './deliverable-viewer.host.js';
import { type DiffMode, type DiffRun, diffTokens, tokenize } from './text-diff.js';

/** Characters of each file compared (as the text preview shows). */
const MAX_TEXT = 200_000;
/** Unchanged lines kept around a change; longer unchanged stretches fold behind a button. */
const CONTEXT = 3;

/** The comparison state kept on the viewer. */
export type DiffState = {
  key: string;
  texts?: [string, string];
  truncated?: boolean;
  failed?: boolean;
  results?: Partial<Record<DiffMode, DiffRun[]>>;
  mode?: DiffMode;
  /** Indexes of the folded unchanged stretches opened. */
  open?: Set<number>;
};
type Host = ViewerHost & { diff?: DiffState };

const isWord = (t: string) => /[\p{L}\p{N}]/u.test(t);

/** Lines diffed; in word mode each changed block of lines is diffed again by word. */
function compute(old: string, next: string, mode: DiffMode): DiffRun[] {
  const lines = diffTokens(tokenize(old, 'lines'), tokenize(next, 'lines'));
  if (mode === 'lines') return lines;
  const out: DiffRun[] = [];
  const text = (r: DiffRun | undefined) => r?.tokens.join('\n') ?? '';
  for (let i = 0; i < lines.length; i++) {
    const r = lines[i]!;
    if (r.op === '=') {
      out.push({ op: '=', tokens: [`${text(r)}\n`] });
      continue;
    }
    // A removal followed by an addition is one change: diffed word by word.
    const del = r.op === '-' ? r : undefined;
    const ins = del && lines[i + 1]?.op === '+' ? lines[++i] : r.op === '+' ? r : undefined;
    const words = diffTokens(tokenize(`${text(del)}${del ? '\n' : ''}`, 'words'), tokenize(`${text(ins)}${ins ? '\n' : ''}`, 'words'));
    out.push(...words);
  }
  // Lines were split on breaks; the last one had none.
  const last = out.at(-1);
  if (last?.op === '=' && !next.endsWith('\n')) last.tokens[last.tokens.length - 1] = last.tokens.at(-1)!.replace(/\n$/, '');
  return out;
}

export default function textDiff(kit: Kit) {
  const { html, nothing } = kit;

  /** Fetches both texts (once per pair of files). */
  function load(h: Host, [old, next]: [DeliverableVersion, DeliverableVersion]): void {
    const urls = [old, next].map((x) => h.resolve(x.previewUrl ?? x.downloadUrl));
    const key = urls.map((u) => u.replace(/[?&](exp|sig)=[^&]*/g, '')).join(' ');
    if (h.diff?.key === key) return;
    const state: DiffState = { key, mode: h.diff?.mode };
    h.diff = state;
    const done = Promise.all(
      urls.map(async (url) => {
        const res = await h.fetchLink(url, {});
        if (!res.ok) throw new Error(String(res.status));
        return res.text();
      }),
    ).then(
      ([a, b]) => {
        state.texts = [a!.slice(0, MAX_TEXT), b!.slice(0, MAX_TEXT)];
        state.truncated = a!.length > MAX_TEXT || b!.length > MAX_TEXT;
      },
      () => (state.failed = true),
    );
    // `updateComplete` waits for the texts, and the viewer renders again once they are there.
    kit.waitFor(h, done);
  }

  function retry(h: Host): void {
    h.diff = undefined;
    h.requestUpdate();
  }

  function render(h: Host, [old, next]: [DeliverableVersion, DeliverableVersion]) {
    const { t } = h.i18n;
    const state = h.diff;
    if (state?.failed)
      return html`<p part="diff-error" class="notice" role="alert">
        ${t('deliverableViewer.diffError')}
        <button class="button" type="button" @click=${() => retry(h)}>${t('deliverableViewer.retry')}</button>
      </p>`;
    if (!state?.texts) return html`<p part="diff-loading" class="notice" role="status">${t('deliverableViewer.diffLoading')}</p>`;
    const mode = state.mode ?? 'lines';
    state.results ??= {};
    state.results[mode] ??= compute(state.texts[0], state.texts[1], mode);
    const runs = state.results[mode];
    const count = (op: '+' | '-') =>
      runs.reduce((n, r) => n + (r.op === op ? (mode === 'lines' ? r.tokens.length : r.tokens.filter(isWord).length) : 0), 0);
    const added = count('+');
    const removed = count('-');
    const unit = mode === 'lines' ? 'Lines' : 'Words';
    const title = t('deliverableViewer.diffTitle', { old: old.number, new: next.number });
    const summary =
      added || removed
        ? t('deliverableViewer.diffSummary', {
            added: t(`deliverableViewer.diff${unit}Added`, { count: added }),
            removed: t(`deliverableViewer.diff${unit}Removed`, { count: removed }),
          })
        : t('deliverableViewer.diffSame');
    const setMode = (m: DiffMode) => {
      state.mode = m;
      state.open = undefined;
      h.requestUpdate();
    };
    const toggle = (m: DiffMode, label: string) =>
      html`<button part="diff-mode" class="button" type="button" aria-pressed=${mode === m ? 'true' : 'false'} @click=${() => setMode(m)}>${label}</button>`;
    return html`<div class="diff-view">
      <div class="diff-head">
        <p part="diff-summary" class="diff-summary" role="status"><strong>${title}</strong>: ${summary}</p>
        <div class="group" role="group" aria-label=${t('deliverableViewer.diffBy')}>
          ${toggle('lines', t('deliverableViewer.diffLines'))} ${toggle('words', t('deliverableViewer.diffWords'))}
        </div>
      </div>
      <div part="diff" class="diff diff--${mode}" tabindex="0" role="region" aria-label=${title}>
        ${mode === 'lines' ? renderLines(h, state, runs) : renderWords(h, runs)}
      </div>
      ${state.truncated ? html`<p class="notice">${t('deliverableViewer.diffTooLong')}</p>` : nothing}
    </div>`;
  }

  function renderLines(h: Host, state: DiffState, runs: DiffRun[]) {
    const { t } = h.i18n;
    const line = (op: DiffRun['op'], text: string) =>
      op === '='
        ? html`<div class="diff-line"><span class="sign" aria-hidden="true"> </span><span dir="auto">${text}</span></div>`
        : html`<div class="diff-line diff-line--${op === '+' ? 'ins' : 'del'}">
            <span class="sign" aria-hidden="true">${op === '+' ? '+' : '−'}</span><span class="visually-hidden"
              >${t(op === '+' ? 'deliverableViewer.diffAdded' : 'deliverableViewer.diffRemoved')}</span
            >${op === '+' ? html`<ins dir="auto">${text}</ins>` : html`<del dir="auto">${text}</del>`}
          </div>`;
    return runs.map((r, i) => {
      const n = r.tokens.length;
      const head = i === 0 ? 0 : CONTEXT;
      const tail = i === runs.length - 1 ? 0 : CONTEXT;
      if (r.op !== '=' || n <= head + tail + 1 || state.open?.has(i)) return r.tokens.map((x) => line(r.op, x));
      const hidden = n - head - tail;
      return html`${r.tokens.slice(0, head).map((x) => line('=', x))}
        <button
          part="diff-fold"
          class="diff-fold"
          type="button"
          @click=${() => {
            state.open = new Set(state.open).add(i);
            h.requestUpdate();
          }}
        >
          ${t('deliverableViewer.diffUnchanged', { count: hidden })}
        </button>
        ${r.tokens.slice(n - tail).map((x) => line('=', x))}`;
    });
  }

  function renderWords(h: Host, runs: DiffRun[]) {
    const { t } = h.i18n;
    const hidden = (key: Parameters<typeof t>[0]) => html`<span class="visually-hidden"> ${t(key)} </span>`;
    return html`<pre class="diff-words" dir="auto">${runs.map((r) => {
      const text = r.tokens.join('');
      if (r.op === '=') return text;
      return r.op === '+'
        ? html`${hidden('deliverableViewer.diffAdded')}<ins>${text}</ins>${hidden('deliverableViewer.diffAddedEnd')}`
        : html`${hidden('deliverableViewer.diffRemoved')}<del>${text}</del>${hidden('deliverableViewer.diffRemovedEnd')}`;
    })}</pre>`;
  }

  return { load, render };
}
