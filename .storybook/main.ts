// Storybook for @portico/elements: `pnpm --filter @portico/elements storybook` (dev) and
// `build-storybook` (static, packages/elements/storybook-static). Stories sit next to their
// components; controls and docs come from packages/elements/custom-elements.json (preview.ts).
// The Guides and Reference pages are the Markdown files of docs/, rendered by ./docs/*.mdx.
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['./docs/*.mdx', '../packages/elements/src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // The msw worker (public/mockServiceWorker.js, committed: pnpm does not copy it).
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      // Workspace packages straight from their TypeScript sources (the `source` export condition).
      resolve: { conditions: ['source', ...defaultClientConditions] },
      // Lit's legacy decorators with tsconfig.base.json's semantics: `experimentalDecorators: true`
      // and `useDefineForClassFields: false` (class fields must not shadow the reactive accessors).
      // Vite 8 compiles TypeScript with Oxc, not esbuild: these are its names for the same options.
      oxc: {
        decorator: { legacy: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
        assumptions: { setPublicClassFields: true },
      },
      build: { chunkSizeWarningLimit: 2000 },
    });
  },
};

export default config;
