// Builds the example into dist/ (git-ignored); the e2e test serves it as static files.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative URLs: dist/ works wherever it is served.
  base: './',
  // Svelte needs no setting for custom elements: a tag with a dash is one, rendered as it is.
  plugins: [svelte()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  logLevel: 'warn',
});
