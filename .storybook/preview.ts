// Every story: controls and docs from the custom-elements manifest, the mock API over msw, the
// `theme` and `locale` toolbar globals (any story opens dark or right-to-left from its URL:
// `&globals=theme:dark;locale:ar`), the story inside <portico-provider>, and axe failing on violations.
import { type Preview, setCustomElementsManifest } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../packages/elements/custom-elements.json';
import { createMswStoryMock, porticoMswHandlers } from '../packages/elements/src/stories/msw';
import { ensureLocale, type PorticoStoryContext, type PorticoStoryParameters, withPortico } from '../packages/elements/src/stories/portico';

type Json = Record<string, unknown>;
type Decl = Json & { members?: Json[]; attributes?: Json[]; slots?: Json[]; cssParts?: Json[] };

/**
 * The manifest as Storybook's controls want it: public, writable instance fields only (no
 * private state, methods, getters or statics), one control per property (an attribute that backs
 * a property is named in the property's description instead of getting a second control), and
 * slots and parts named `slot="…"` / `::part(…)`: Storybook keys every row by name, so a part
 * called `status` would otherwise replace the `status` property.
 */
function forStorybook(cem: typeof manifest) {
  const copy = structuredClone(cem) as unknown as { modules: Array<Json & { declarations?: Decl[] }> };
  for (const mod of copy.modules) {
    for (const decl of mod.declarations ?? []) {
      if (!decl.tagName) continue;
      const attrOf = new Map((decl.attributes ?? []).filter((a) => a.fieldName).map((a) => [a.fieldName, a.name]));
      decl.members = (decl.members ?? [])
        .filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public')
        .map((m) =>
          attrOf.has(m.name) ? { ...m, description: `${m.description ?? ''} Attribute: \`${attrOf.get(m.name)}\`.`.trim() } : m,
        );
      decl.attributes = (decl.attributes ?? []).filter((a) => !a.fieldName);
      decl.slots = (decl.slots ?? []).map((slot) => ({ ...slot, name: slot.name ? `slot="${slot.name}"` : '(default slot)' }));
      decl.cssParts = (decl.cssParts ?? []).map((part) => ({ ...part, name: `::part(${part.name})` }));
    }
  }
  return copy;
}

setCustomElementsManifest(forStorybook(manifest));

/** One mock API per rendered story (its `parameters.portico`), its client talking to msw. */
const porticoLoader = async (context: { id: string; parameters: Json; globals: Json }) => {
  await ensureLocale(String(context.globals.locale ?? 'en'));
  return { portico: createMswStoryMock(context.parameters.portico as PorticoStoryParameters | undefined, context.id) };
};

const preview: Preview = {
  loaders: [
    mswLoader(async () => {
      // The Portico handlers are initial handlers: they survive the addon's reset between stories.
      const worker = setupWorker(...porticoMswHandlers());
      // Relative URL: the static build may be served from a sub-path.
      await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: './mockServiceWorker.js' } });
      return worker;
    }),
    porticoLoader,
  ],
  decorators: [(story, context) => withPortico(story, context as unknown as PorticoStoryContext)],
  globalTypes: {
    theme: {
      description: 'Colour theme (brand: a client brand made with CSS variables only)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        dynamicTitle: true,
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'brand', title: 'Brand', icon: 'paintbrush' },
        ],
      },
    },
    locale: {
      description: 'Language and writing direction',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', title: 'English', right: 'LTR' },
          { value: 'de', title: 'Deutsch', right: 'LTR' },
          { value: 'ar', title: 'العربية', right: 'RTL' },
        ],
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: {
    // The a11y addon fails a story on any axe violation (the story runner does the same in CI).
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
    options: {
      storySort: {
        order: [
          'Guides',
          [
            'Getting started',
            'Customer or client portal',
            'Backend integration',
            'Theming',
            'Events',
            'Security model',
            'Accessibility statement',
            'HTTP contract',
            'Bundle sizes',
          ],
          'Components',
          ['Ticket list'],
          'Reference',
        ],
      },
    },
  },
  tags: ['autodocs'],
};

export default preview;
