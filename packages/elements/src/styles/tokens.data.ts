/**
 * The core appearance variables (Stripe-style: a handful from which everything derives). Colours
 * are `light-dark(light, dark)` pairs, so one value serves both schemes. Both `tokens.css.ts`
 * (applied in every component's shadow root) and the plain `tokens.css` (for hosts that set
 * values globally) are generated from this list — edit here, then `pnpm --filter @portico/elements tokens`.
 */
export const coreTokens = {
  '--portico-font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
  '--portico-font-size': '1rem',
  '--portico-line-height': '1.5',
  '--portico-space': '0.25rem',
  '--portico-radius': '0.375rem',
  '--portico-color-primary': 'light-dark(#0969da, #4493f8)',
  '--portico-color-on-primary': 'light-dark(#ffffff, #0d1117)',
  '--portico-color-background': 'light-dark(#ffffff, #0d1117)',
  '--portico-color-surface': 'light-dark(#f6f8fa, #151b23)',
  '--portico-color-text': 'light-dark(#1f2328, #f0f6fc)',
  '--portico-color-muted': 'light-dark(#59636e, #9198a1)',
  '--portico-color-border': 'light-dark(#d1d9e0, #3d444d)',
  '--portico-color-danger': 'light-dark(#cf222e, #f85149)',
  '--portico-color-success': 'light-dark(#1a7f37, #3fb950)',
  '--portico-color-warning': 'light-dark(#9a6700, #d29922)',
  '--portico-focus-ring': 'light-dark(#0969da, #4493f8)',
} as const;

export type CoreToken = keyof typeof coreTokens;

/** `--portico-x` → `--_portico-x`: the private, always-defined copy components read. */
export const privateName = (name: string) => name.replace(/^--portico-/, '--_portico-');
