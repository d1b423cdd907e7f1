import { css, unsafeCSS } from 'lit';
import { coreTokens, privateName } from './tokens.data.js';

// Each public token falls back to its default, so a component looks right with no CSS loaded,
// while a value the host sets on any ancestor (or :root, via tokens.css) inherits through.
const declarations = Object.entries(coreTokens)
  .map(([name, value]) => `${privateName(name)}: var(${name}, ${value});`)
  .join('');

// The scales and the colour scheme: a template without interpolation, so the build minifies it
// (scripts/minify-templates.mjs); the generated declarations above come first, in their own rule.
const derived = css`
  :host {
    --_portico-space-2xs: calc(var(--_portico-space) * 0.5);


    --_portico-space-xs: var(--_portico-space);
    --_portico-space-s: calc(var(--_portico-space) * 2);
    --_portico-space-m: calc(var(--_portico-space) * 3);
    --_portico-space-l: calc(var(--_portico-space) * 4);
    --_portico-space-xl: calc(var(--_portico-space) * 6);

    --_portico-radius-s: calc(var(--_portico-radius) * 0.5);
    --_portico-radius-m: var(--_portico-radius);
    --_portico-radius-l: calc(var(--_portico-radius) * 2);
    --_portico-radius-pill: 999px;

    --_portico-font-size-s: calc(var(--_portico-font-size) * 0.875);
    --_portico-font-size-xs: calc(var(--_portico-font-size) * 0.75);
    --_portico-font-size-l: calc(var(--_portico-font-size) * 1.125);

    --_portico-color-hover: color-mix(in srgb, var(--_portico-color-primary) 8%, var(--_portico-color-background));
    --_portico-color-selected: color-mix(in srgb, var(--_portico-color-primary) 14%, var(--_portico-color-background));
    --_portico-color-skeleton: color-mix(in srgb, var(--_portico-color-text) 10%, var(--_portico-color-background));

    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      color-scheme: dark;
    }
  }
  :host(:state(light)),
  :host([theme='light']) {
    color-scheme: light;
  }
  :host(:state(dark)),
  :host([theme='dark']) {
    color-scheme: dark;
  }
`;

/**
 * Design tokens at `:host`: the private copies of the core tokens, the scales derived from them,
 * and the colour scheme (`prefers-color-scheme`, overridden by `theme="light|dark"` on the
 * component or, through context, on the provider — the latter as the `light`/`dark` custom state).
 */
export const tokens = css`:host{${unsafeCSS(declarations)}}${derived}`;
