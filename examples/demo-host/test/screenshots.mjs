// Screenshots of the demo as a person sees it: the Support page in the three themes (light, dark,
// the client brand) and in Arabic, written to docs/screenshots/<prefix>-<name>.png.
//   node test/screenshots.mjs [prefix]      (default prefix: "current")
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(root, '..', '..', 'docs', 'screenshots');
const prefix = process.argv[2] ?? 'current';
const filesDir = await mkdtemp(join(tmpdir(), 'demo-shots-'));
const child = spawn(process.execPath, ['server.mjs'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: '0',
    PORTICO_PORT: '0',
    DATABASE_URL: '',
    PORTICO_DATA_DIR: 'memory://',
    PORTICO_FILES_DIR: filesDir,
    PORTICO_JWT_SECRET: `jwt-${randomBytes(24).toString('hex')}`,
    PORTICO_STAFF_KEY: `staff-${randomBytes(24).toString('hex')}`,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let log = '';
const base = await new Promise((resolve, reject) => {
  child.stdout.on('data', (d) => {
    log += d;
    const m = /Acme Cloud demo: (http:\/\/localhost:\d+)/.exec(log);
    if (m) resolve(m[1]);
  });
  child.on('exit', (code) => reject(new Error(`demo exited (${code}):\n${log}`)));
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless=new',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  await mkdir(out, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 960, height: 640 } });
  await page.goto(`${base}/login`);
  await page.check('input[name="user"][value="alice"]');
  await Promise.all([page.waitForURL(`${base}/support`), page.click('form[action="/login"] button[type="submit"]')]);
  const shot = async (name) => {
    await page.locator('portico-ticket-list [part~="row"]').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${prefix}-${name}.png`) });
    console.log(`docs/screenshots/${prefix}-${name}.png`);
  };
  for (const theme of ['light', 'dark', 'brand']) {
    await Promise.all([page.waitForURL(`${base}/support`), page.click(`form.themes:not(.languages) button[value="${theme}"]`)]);
    await shot(theme);
  }
  await Promise.all([page.waitForURL(`${base}/support`), page.click('form.themes:not(.languages) button[value="light"]')]);
  await Promise.all([page.waitForURL(`${base}/support`), page.click('form.languages button[value="ar"]')]);
  await shot('arabic');
  await Promise.all([page.waitForURL(`${base}/support`), page.click('form.languages button[value="en"]')]);
} finally {
  await browser.close();
  child.kill('SIGTERM');
  await rm(filesDir, { recursive: true, force: true });
}
