// The shared @web/test-runner config: TypeScript through esbuild, the system Chromium through
// Playwright (never a downloaded browser), one browser process, and a plain summary line.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';
import { summaryReporter } from './summary-reporter.mjs';

const tsconfig = fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));

/** @param {{ files: string | string[], label?: string, plugins?: unknown[], middleware?: unknown[], testFramework?: object, timeout?: number }} options */
export function porticoWtrConfig({ files, label, plugins = [], middleware = [], testFramework, timeout = 10000 }) {
  return {
    files,
    nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
    concurrency: 1,
    concurrentBrowsers: 1,
    browserStartTimeout: 60000,
    testsStartTimeout: 60000,
    testsFinishTimeout: 180000,
    testFramework: { config: { timeout, ...(testFramework ?? {}) } },
    // "ResizeObserver loop completed with undelivered notifications" is the browser saying it
    // deferred some resize callbacks to the next frame (virtualized lists do this by design); it is
    // not an error of the code under test, but mocha would fail whichever test was running.
    // The test page stands for a host page: one that themes a component (or provider) dark puts it on a
    // dark page, since components have no background of their own (docs/theming.md, "Blending in").
    testRunnerHtml: (framework) => `<!doctype html><html><head><style>[theme="dark"] { background-color: #0d1117; }</style></head><body>
      <script>
        window.addEventListener('error', (e) => {
          if (/^ResizeObserver loop/.test(e.message)) { e.stopImmediatePropagation(); e.preventDefault(); }
        });
      </script>
      <script type="module" src="${framework}"></script>
    </body></html>`,
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig }), ...plugins],
    middleware,
    browsers: [
      playwrightLauncher({
        product: 'chromium',
        launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS },
      }),
    ],
    reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), summaryReporter({ label })],
  };
}
