// Builds the example into dist/ (git-ignored); the e2e test serves it as static files.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative URLs: dist/ works wherever it is served.
  base: './',
  plugins: [
    vue({
      template: {
        // <portico-*> are custom elements, not Vue components: Vue renders them as they are and
        // binds their attributes, properties and events.
        compilerOptions: { isCustomElement: (tag) => tag.startsWith('portico-') },
      },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  logLevel: 'warn',
});
