/**
 * The story runner: every story of every component (`src/stories/index.generated.ts`, written by
 * `scripts/stories-index.mjs` before `pnpm test`) is a test case. It renders the story as
 * Storybook would — args, `render` (or the default: the `component` tag with args as
 * properties), the story's and the file's decorators, then `withPortico` (provider, theme,
 * locale) — with the story's handlers on the mock API's `fetch` (no msw, no service worker),
 * runs its `play`, waits until the component shows the story's state (`parameters.portico.waitFor`,
 * by default settled) and runs axe (WCAG 2.2 AA) on it. Once in light/en and once in dark/ar
 * (right-to-left); a story with its own `globals` runs once with them.
 */
import { expect } from '@open-wc/testing';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { nothing, render } from 'lit';
import { storyModules } from './stories/index.generated.js';
import {
  createStoryMock,
  dirOfLocale,
  ensureLocale,
  type PorticoStoryContext,
  type PorticoStoryParameters,
  type StoryGlobals,
  withPortico,
} from './stories/portico.js';
import { settled } from './stories/settle.js';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const VARIANTS: Required<StoryGlobals>[] = [
  { theme: 'light', locale: 'en' },
  { theme: 'dark', locale: 'ar' },
];

type AnyArgs = Record<string, unknown>;
type Decorator = (story: (update?: Partial<Context>) => unknown, context: Context) => unknown;
type Context = PorticoStoryContext & {
  id: string;
  title: string;
  name: string;
  args: AnyArgs;
  component?: string;
  canvasElement: HTMLElement;
  viewMode: 'story';
};
type AnyMeta = Meta<AnyArgs> & { decorators?: Decorator[]; excludeStories?: string[] | RegExp; includeStories?: string[] | RegExp };
type AnyStory = StoryObj<AnyArgs> & {
  decorators?: Decorator[];
  globals?: StoryGlobals;
  play?: (context: Context) => unknown;
  parameters?: AnyArgs;
};

/** `parameters.a11y`, as the Storybook a11y addon reads it. */
interface A11yParameters {
  /** `error` (default): violations fail; `todo`: reported, not failed (say why); `off`: no axe. */
  test?: 'error' | 'todo' | 'off';
  config?: { rules?: Array<{ id: string; enabled?: boolean }> };
}

interface AxeResults {
  violations: Array<{ id: string; impact?: string; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }>;
}
type Axe = { run(el: Element, options: object): Promise<AxeResults> };

async function loadAxe(): Promise<Axe> {
  const w = window as unknown as { axe?: Axe };
  // @ts-expect-error axe-core's browser build registers window.axe and has no module types
  if (!w.axe) await import('axe-core/axe.min.js');
  return w.axe!;
}

/** axe (WCAG 2.2 AA tags only) on the rendered story; `parameters.a11y` can turn rules off or the failure into a todo. */
async function checkA11y(el: Element, a11y: A11yParameters = {}, label: string): Promise<void> {
  if (a11y.test === 'off') return;
  const axe = await loadAxe();
  const rules = Object.fromEntries((a11y.config?.rules ?? []).map((r) => [r.id, { enabled: r.enabled ?? true }]));
  const { violations } = await axe.run(el, { runOnly: { type: 'tag', values: WCAG }, rules, resultTypes: ['violations'] });
  if (!violations.length) return;
  const report = violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 3)
          .map((n) => `  ${String(n.target)}: ${n.failureSummary ?? ''}`)
          .join('\n')}${v.nodes.length > 3 ? `\n  … ${v.nodes.length - 3} more` : ''}`,
    )
    .join('\n');
  if (a11y.test === 'todo') console.warn(`[a11y todo] ${label}\n${report}`);
  else throw new Error(`Accessibility violations in ${label}:\n${report}`);
}

const isPlainObject = (v: unknown): v is AnyArgs => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Storybook's parameter merge: plain objects deeply, anything else replaced. */
function mergeParameters(...layers: Array<AnyArgs | undefined>): AnyArgs {
  const out: AnyArgs = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      out[key] = isPlainObject(value) && isPlainObject(out[key]) ? mergeParameters(out[key] as AnyArgs, value) : value;
    }
  }
  return out;
}

/** `ErrorThenRetry` → `Error Then Retry`, as Storybook names an unnamed story. */
const storyName = (exportName: string) =>
  exportName
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/^./, (c) => c.toUpperCase());

const matches = (filter: string[] | RegExp, name: string) => (Array.isArray(filter) ? filter.includes(name) : filter.test(name));

function storiesOf(mod: Record<string, unknown>, meta: AnyMeta): Array<[string, AnyStory]> {
  return Object.entries(mod).filter(
    ([name, value]) =>
      name !== 'default' &&
      !name.startsWith('__') &&
      (typeof value === 'object' || typeof value === 'function') &&
      (!meta.includeStories || matches(meta.includeStories, name)) &&
      (!meta.excludeStories || !matches(meta.excludeStories, name)),
  ) as Array<[string, AnyStory]>;
}

/** Storybook's default web-components render: the `component` element with args as properties. */
const defaultRender = (args: AnyArgs, context: Context) => {
  if (!context.component) throw new Error(`${context.title} has no render and no component`);
  const el = document.createElement(context.component) as unknown as AnyArgs;
  for (const [key, value] of Object.entries(args)) el[key] = value;
  return el;
};

async function runStory(meta: AnyMeta, exportName: string, story: AnyStory, name: string, globals: Required<StoryGlobals>) {
  const parameters = mergeParameters(meta.parameters as AnyArgs, story.parameters);
  const portico = (parameters.portico ?? {}) as PorticoStoryParameters;
  await ensureLocale(globals.locale);
  const canvasElement = document.createElement('div');
  document.body.append(canvasElement);
  const context: Context = {
    id: `${meta.title}--${exportName}`,
    title: meta.title ?? '',
    name,
    args: { ...(meta.args as AnyArgs), ...(story.args as AnyArgs) },
    component: typeof meta.component === 'string' ? meta.component : undefined,
    globals,
    parameters,
    loaded: { portico: createStoryMock(portico) },
    canvasElement,
    viewMode: 'story',
  };
  const storyFn = typeof story === 'function' ? (story as unknown as AnyStory['render']) : story.render;
  const renderFn = (storyFn ?? meta.render ?? defaultRender) as (args: AnyArgs, context: Context) => unknown;
  // Innermost first: the story's decorators, the file's, then the global one of .storybook/preview.ts.
  const decorators = [...(story.decorators ?? []), ...(meta.decorators ?? []), withPortico as unknown as Decorator];
  let fn = (ctx: Context) => renderFn(ctx.args, ctx);
  for (const decorator of decorators) {
    const inner = fn;
    fn = (ctx) => decorator((update) => inner(update ? { ...ctx, ...update } : ctx), ctx);
  }
  try {
    const result = fn(context);
    if (result instanceof Node) canvasElement.append(result);
    else render(result, canvasElement);
    const el = context.component ? canvasElement.querySelector(context.component) : null;
    if (context.component) expect(el, `<${context.component}> rendered`).to.exist;
    await story.play?.(context);
    if (el) {
      await settled(el, { waitFor: portico.waitFor });
      const { lang, dir } = (el as Element & { locale: { lang: string; dir: string } }).locale;
      expect([lang, dir]).to.deep.equal([globals.locale, dirOfLocale(globals.locale)]);
    }
    await checkA11y(
      canvasElement,
      parameters.a11y as A11yParameters | undefined,
      `${context.title} / ${name} [${globals.theme}, ${globals.locale}]`,
    );
  } finally {
    render(nothing, canvasElement);
    canvasElement.remove();
  }
}

for (const [file, mod] of Object.entries(storyModules)) {
  const meta = (mod.default ?? {}) as AnyMeta;
  const title = meta.title ?? file;
  describe(`stories: ${title}`, () => {
    for (const [exportName, story] of storiesOf(mod, meta)) {
      const name = story.name ?? storyName(exportName);
      const portico = mergeParameters(meta.parameters as AnyArgs, story.parameters).portico as PorticoStoryParameters | undefined;
      const variants = story.globals ? [{ ...VARIANTS[0]!, ...story.globals }] : VARIANTS;
      for (const globals of variants) {
        const test = portico?.test === false ? it.skip : it;
        test(`${title} / ${name} [${globals.theme}, ${globals.locale}]`, () => runStory(meta, exportName, story, name, globals));
      }
    }
  });
}
