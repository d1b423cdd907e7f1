/** Tiny file generators for seed data and invoice PDFs: PNG (zlib) and a hand-written PDF. */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Encodes RGB pixels (`pixel(x, y)` → [r, g, b]) as a PNG. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[o++] = r;
      raw[o++] = g;
      raw[o++] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** A gradient "design mock-up" with a few blocks, seeded so versions differ. */
export function mockupPng(seed: number, width = 320, height = 200): Buffer {
  const hue = (seed * 47) % 255;
  return encodePng(width, height, (x, y) => {
    const header = y < 28;
    const card = x > 20 && x < width / 2 - 10 && y > 48 && y < height - 20;
    const card2 = x > width / 2 + 10 && x < width - 20 && y > 48 && y < 120;
    if (header) return [30, 40 + (hue % 60), 90 + (hue % 120)];
    if (card || card2) return [245, 245, 250];
    return [(x * 255) / width + hue / 4, (y * 255) / height, 200 - hue / 3].map((v) => Math.max(0, Math.min(255, Math.round(v)))) as [
      number,
      number,
      number,
    ];
  });
}

/** WinAnsiEncoding's bytes 0x80–0x9f (the rest of 0xa0–0xff is Latin-1): what names and prose use. */
const WIN_ANSI: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/**
 * A PDF string literal's body in WinAnsiEncoding (the font's encoding below, so that "—", "€" and
 * "é" print as themselves); what the encoding lacks becomes "?"; `\`, `(`, `)` are escaped.
 */
export const pdfEscape = (s: string) => {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    const byte = code >= 0x20 && code <= 0x7e ? code : code >= 0xa0 && code <= 0xff ? code : (WIN_ANSI[ch] ?? 0x3f);
    out += byte === 0x5c || byte === 0x28 || byte === 0x29 ? `\\${String.fromCharCode(byte)}` : String.fromCharCode(byte);
  }
  return out;
};

/** A minimal valid one-page PDF (Helvetica) showing the given lines. */
export function simplePdf(lines: string[], title = 'Document'): Buffer {
  const content = ['BT', '/F1 11 Tf', '14 TL', '56 780 Td', `/F1 16 Tf (${pdfEscape(title)}) Tj T* T* /F1 11 Tf`]
    .concat(lines.slice(0, 48).map((l) => `(${pdfEscape(l)}) Tj T*`))
    .concat(['ET'])
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
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
