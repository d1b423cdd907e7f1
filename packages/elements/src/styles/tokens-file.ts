import { coreTokens } from './tokens.data.js';

/** The text of the plain `tokens.css` (generated; tokens.test.ts checks it is current). */
export function renderTokensCss(): string {
  const lines = Object.entries(coreTokens).map(([name, value]) => `  ${name}: ${value};`);
  return `/*
 * Portico design tokens (generated from src/styles/tokens.data.ts: do not edit).
 * Optional: components carry these defaults. Import this file, or copy the variables you
 * want to change, to set them for the whole page. Colours are light-dark(light, dark) pairs;
 * set \`color-scheme\` or the components' \`theme\` attribute to choose the scheme.
 */
:root {
${lines.join('\n')}
}
`;
}
