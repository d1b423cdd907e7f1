/**
 * The demo's text and PDF deliverables: versions that differ the way a real brief or copy deck
 * does from one round to the next (lines reworded, added and dropped, a page added), so that
 * comparing two versions in the viewer shows something worth reading. Every document deliverable
 * has at least two versions (`documentVersions`).
 */
import { pdfEscape } from './assets.js';

/** How many versions a seeded deliverable gets: documents always two or more, so the demo can compare them. */
export const documentVersions = (kind: 'png' | 'pdf' | 'txt', drawn: number): number => (kind === 'png' ? drawn : Math.max(2, drawn));

/** A copy deck's text at version `v` (1-based): each round rewords, adds and drops lines. */
export function copyDeck(title: string, v: number): Buffer {
  const lines = [
    `${title} — version ${v}`,
    '',
    v === 1 ? 'Headline: Work together, beautifully.' : 'Headline: Work together, without the busywork.',
    'Subline: Everything your team needs in one place.',
    ...(v >= 2 ? ['Proof point: Trusted by 4,000 teams in 30 countries.'] : []),
    '',
    v >= 3 ? 'Call to action: Try it free for 30 days' : 'Call to action: Start your free trial',
    ...(v === 1 ? ['Footnote: No credit card required.'] : []),
    v >= 2 ? 'Tone: warm, direct, no jargon.' : 'Tone: friendly.',
    'Arabic tagline: اعملوا معًا بسهولة',
  ];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** The creative brief at version `v`: two pages, a third (timeline) from version 2, reworded goals. */
export function briefPdf(project: string, title: string, v: number): Buffer {
  const pages = [
    [
      `${project} — version ${v}`,
      '',
      v === 1 ? 'Goals: clarity, speed, trust.' : 'Goals: clarity, speed, trust — and fewer support tickets.',
      'Audience: existing customers.',
      v >= 3 ? 'Deliverables: homepage, pricing, docs, onboarding e-mails.' : 'Deliverables: homepage, pricing, docs.',
    ],
    [
      'Tone and style',
      '',
      'Plain words, short sentences.',
      v >= 2 ? 'Photography: real customers, no stock images.' : 'Photography: to be decided.',
    ],
    ...(v >= 2 ? [['Timeline', '', 'Week 1-2: discovery', 'Week 3-5: design', 'Week 6-8: build and launch']] : []),
  ];
  return pagedPdf(pages, `${title} v${v}`);
}

/** A minimal valid PDF (Helvetica, WinAnsi, A4) with one page per entry of `pages`, the title on each. */
export function pagedPdf(pages: string[][], title: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  const kids: string[] = [];
  pages.forEach((lines, i) => {
    const content = ['BT', '14 TL', '56 780 Td', `/F1 16 Tf (${pdfEscape(title)}) Tj T* T* /F1 11 Tf`]
      .concat(lines.slice(0, 48).map((l) => `(${pdfEscape(l)}) Tj T*`))
      .concat([`T* (${pdfEscape(`Page ${i + 1} of ${pages.length}`)}) Tj`, 'ET'])
      .join('\n');
    kids.push(`${objects.length + 1} 0 R`);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length + 2} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
  });
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
