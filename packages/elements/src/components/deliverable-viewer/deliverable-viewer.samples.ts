/** Sample files shared by the viewer's stories and tests (no component code). */

/**
 * A small valid PDF, ASCII only (so it survives a string body): one 600 × 800 page per colour
 * ("r g b", 0–1), each with a 400 × 400 square of that colour around the centre.
 */
export function samplePdf(colors: string[], title = 'Brief'): string {
  const page = (rgb: string, i: number) => `${rgb} rg 100 200 400 400 re f BT /F1 24 Tf 100 700 Td (${title} - page ${i + 1}) Tj ET`;
  const contents = colors.map(page);
  const kids = contents.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${contents.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...contents.flatMap((c, i) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
      `<< /Length ${c.length} >>\nstream\n${c}\nendstream`,
    ]),
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${out}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

/** Two versions of a plain-text brief: a changed line, a removed one, an added one, and an Arabic line. */
export const sampleTexts = {
  old: 'Project brief\nAudience: small teams\nTone: friendly, plain words\nDeadline: end of May\nBudget: 10,000 EUR\nملاحظة: الشعار باللون الأزرق\n',
  new: 'Project brief\nAudience: small and medium teams\nTone: friendly, plain words\nBudget: 10,000 EUR\nملاحظة: الشعار باللون الأخضر\nOwner: Sam Agent\n',
};
