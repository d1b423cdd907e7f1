/**
 * What every Portico story gets, in Storybook and in the story runner (`src/stories.test.ts`):
 * - a mock API (`src/testing/mock-api.ts`, the tests' handlers and fixtures) with the story's
 *   overrides from `parameters.portico`, and a real `PorticoClient` on it;
 * - `withPortico`: wraps the story in `<portico-provider>` with that client and the toolbar
 *   globals `theme` (light, dark, brand) and `locale` (en, de, ar → right-to-left).
 *
 * In Storybook the client talks HTTP to msw (`./msw.ts`, which answers from the same mock API);
 * the runner hands the mock API's `fetch` straight to the client, so it needs no service worker.
 */
import { createPorticoClient, type PorticoClient } from '@portico/client';
import { html, type TemplateResult } from 'lit';
import { loadLocale } from '../i18n/i18n.js';
import { createMockApi, type EndpointKey, type MockApi, type MockApiOptions } from '../testing/mock-api.js';
import { type HandlerOverride, resolveOverride } from './handlers.js';
import '../components/provider/provider.js';

export const THEMES = ['light', 'dark', 'brand'] as const;
export const LOCALES = ['en', 'de', 'ar'] as const;
export type StoryTheme = (typeof THEMES)[number];
export type StoryLocale = (typeof LOCALES)[number];

/** `parameters.portico` of a story (or of the whole file, in `meta.parameters`). */
export interface PorticoStoryParameters {
  /** Overrides of the mock API's handlers by endpoint key (`'tickets.list'`); see `./handlers.ts`. */
  handlers?: Record<EndpointKey, HandlerOverride>;
  /** Options of the default data set (`{ tickets: 240 }`). */
  api?: MockApiOptions;
  /** Edits the mock API before the story renders (push rows, change `data`). */
  setup?: (api: MockApi) => void;
  /**
   * What the story runner waits for in the component's shadow root before running axe: a CSS
   * selector. Default: the settled state (content, empty or error, nothing busy). A loading story
   * says `'[part~="loading"]'`, a refreshing one `'[aria-busy="true"]'`.
   */
  waitFor?: string;
  /** Set `false` to leave the story out of the story runner (say why next to it). */
  test?: boolean;
}

/** What the loader hands the story: `context.loaded.portico`. */
export interface PorticoLoaded {
  api: MockApi;
  client: PorticoClient;
}

export interface StoryGlobals {
  theme?: StoryTheme;
  locale?: StoryLocale;
}

/** The part of a story context `withPortico` and the loader read (Storybook's or the runner's). */
export interface PorticoStoryContext {
  id?: string;
  parameters: { portico?: PorticoStoryParameters } & Record<string, unknown>;
  globals: StoryGlobals & Record<string, unknown>;
  loaded: { portico?: PorticoLoaded } & Record<string, unknown>;
}

/**
 * A mock API with the story's overrides and a real client on it. `baseUrl` set: the client uses
 * the network (msw answers); unset: the mock API's `fetch` directly.
 */
export function createStoryMock(parameters: PorticoStoryParameters = {}, options: { baseUrl?: string } = {}): PorticoLoaded {
  const api = createMockApi(parameters.api);
  for (const [key, override] of Object.entries(parameters.handlers ?? {})) {
    const original = api.handlers.get(key) ?? (() => ({ status: 501 }));
    api.use(key, resolveOverride(override, original));
  }
  parameters.setup?.(api);
  const client = createPorticoClient({
    baseUrl: options.baseUrl ?? 'https://portal.test',
    getToken: async () => ({ token: 'story-token', expiresAt: Date.now() + 3_600_000 }),
    // Errors show at once, as in the tests.
    retry: { limit: 0 },
    ...(options.baseUrl ? {} : { fetch: api.fetch }),
  });
  return { api, client };
}

/** Waits until the messages of `locale` are in place (languages other than English load lazily). */
export function ensureLocale(locale: string): Promise<void> {
  return loadLocale(locale);
}

/** Brand theme: a client's brand with the public CSS variables only. */
export const BRAND_STYLE = [
  '--portico-color-primary: #6d28d9',
  '--portico-color-on-primary: #ffffff',
  '--portico-font-family: Georgia, "Iowan Old Style", "Noto Serif", serif',
  '--portico-radius: 0.75rem',
  '--portico-space: 0.3rem',
].join('; ');

const WRAPPER_STYLE: Record<StoryTheme, string> = {
  light: 'color-scheme: light; background: Canvas; color: CanvasText; padding: 1rem',
  dark: 'color-scheme: dark; background: Canvas; color: CanvasText; padding: 1rem',
  brand: `color-scheme: light; background: Canvas; color: CanvasText; padding: 1rem; ${BRAND_STYLE}`,
};

export const dirOfLocale = (locale: string): 'ltr' | 'rtl' => (locale === 'ar' ? 'rtl' : 'ltr');

/**
 * The global decorator: the story inside `<portico-provider>` with the story's mock client, the
 * `theme` global (brand = light + CSS variables on the wrapper) and `lang`/`dir` from `locale`.
 */
export function withPortico(story: () => unknown, context: PorticoStoryContext): TemplateResult {
  const theme = THEMES.includes(context.globals.theme as StoryTheme) ? (context.globals.theme as StoryTheme) : 'light';
  const lang = LOCALES.includes(context.globals.locale as StoryLocale) ? (context.globals.locale as StoryLocale) : 'en';
  const dir = dirOfLocale(lang);
  const client = context.loaded.portico?.client;
  return html`<div class="portico-story" data-theme=${theme} lang=${lang} dir=${dir} style=${WRAPPER_STYLE[theme]}>
    <portico-provider .client=${client} theme=${theme === 'dark' ? 'dark' : 'light'} lang=${lang} dir=${dir}>${story()}</portico-provider>
  </div>`;
}
