import { expect } from '@open-wc/testing';
import { tokens } from './tokens.css.js';
import { coreTokens } from './tokens.data.js';
import { renderTokensCss } from './tokens-file.js';

describe('design tokens', () => {
  it('the plain tokens.css is current (regenerate: pnpm --filter @portico/elements tokens)', async () => {
    const res = await fetch('/src/styles/tokens.css');
    expect(res.ok).to.equal(true);
    expect(await res.text()).to.equal(renderTokensCss());
  });

  it('every core token has a private copy with its default at :host', () => {
    const text = tokens.cssText;
    for (const [name, value] of Object.entries(coreTokens)) {
      expect(text).to.contain(`${name.replace('--portico-', '--_portico-')}: var(${name}, ${value})`);
    }
    expect(text).to.contain('prefers-color-scheme: dark');
  });
});
