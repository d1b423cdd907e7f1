// The server's own PDFs (seed deliverables, invoice PDFs, staff-made invoices) read back with pdf.js:
// what a person sees in the viewer is the text that was written, dashes and accents included.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { pdfEscape, simplePdf } from '../src/assets.js';

async function textOf(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  await doc.destroy();
  return content.items.map((i) => ('str' in i ? i.str : '')).filter((s) => s.trim() !== '');
}

describe('simplePdf', () => {
  it('prints an em dash, the euro sign and accented letters as themselves (WinAnsiEncoding), not as "?"', async () => {
    const lines = await textOf(simplePdf(['Website relaunch — version 2', 'Total 12,50 € – Café “Zoë”'], 'Creative brief — v2'));
    expect(lines).toEqual(['Creative brief — v2', 'Website relaunch — version 2', 'Total 12,50 € – Café “Zoë”']);
  });

  it('writes what WinAnsiEncoding lacks as "?" and escapes the string delimiters', async () => {
    expect(pdfEscape('a (b) \\ c')).toBe('a \\(b\\) \\\\ c');
    expect(await textOf(simplePdf(['日本 (x)'], 'T'))).toEqual(['T', '?? (x)']);
  });
});
