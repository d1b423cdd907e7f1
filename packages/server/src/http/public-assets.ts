import { API_PREFIX } from '@portico/contract';
import type { Hono } from 'hono';
import { notFoundProblem } from './problems.js';

/** Where the public, cacheable assets are served: the seeded help articles' screenshots. */
export const KB_IMAGE_PATH = `${API_PREFIX}/assets/kb`;

/** The address of a help article's illustration of `topic` (what the seed writes into article bodies). */
export const kbImageUrl = (topic: string) => `${KB_IMAGE_PATH}/${slugOf(topic)}.svg`;

const slugOf = (topic: string) =>
  topic
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'settings';

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A small "screenshot" of a settings page for a topic: a window frame, the topic as its title,
 * a few form rows and a Save button. Deterministic, no text from outside the slug's characters.
 */
export function kbScreenshot(slug: string): string {
  const title = escapeXml(slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()));
  let hash = 0;
  for (const ch of slug) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  const rows = [0, 1, 2]
    .map(
      (i) => `<rect x="40" y="${118 + i * 46}" width="${120 + ((hash >> (i * 3)) % 5) * 18}" height="10" rx="5" fill="#c9ced6"/>
  <rect x="300" y="${108 + i * 46}" width="260" height="30" rx="6" fill="#fff" stroke="#c9ced6"/>`,
    )
    .join('\n  ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" viewBox="0 0 640 320" role="img">
  <rect width="640" height="320" rx="12" fill="#f4f6f8"/>
  <rect width="640" height="36" rx="12" fill="hsl(${hue} 55% 42%)"/>
  <rect y="24" width="640" height="12" fill="hsl(${hue} 55% 42%)"/>
  <circle cx="22" cy="18" r="6" fill="#fff" opacity=".7"/><circle cx="42" cy="18" r="6" fill="#fff" opacity=".5"/>
  <text x="40" y="82" font-family="Helvetica, Arial, sans-serif" font-size="22" font-weight="bold" fill="#1f2328">Settings · ${title}</text>
  ${rows}
  <rect x="460" y="256" width="100" height="36" rx="8" fill="hsl(${hue} 55% 42%)"/>
  <text x="510" y="279" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="15" fill="#fff">Save</text>
</svg>
`;
}

/**
 * Public assets outside the contract's tables, without a token (an `<img>` sends none): the
 * seeded help articles' screenshots, `GET /portal/v1/assets/kb/<slug>.svg`. Cacheable for a day,
 * loadable from another origin (`Cross-Origin-Resource-Policy: cross-origin`, the host page), and
 * inert: an SVG opened on its own runs nothing (`Content-Security-Policy: default-src 'none'`).
 */
export function registerPublicAssets(app: Hono): void {
  app.get(`${KB_IMAGE_PATH}/:file`, (c) => {
    const m = /^([a-z0-9-]{1,60})\.svg$/.exec(c.req.param('file'));
    if (!m) return notFoundProblem(c);
    return c.body(kbScreenshot(m[1]!), 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
