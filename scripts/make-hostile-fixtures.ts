/**
 * Writes the hostile files of test/fixtures/hostile/ (test/unit/untrusted-files.test.ts), byte for byte
 * the same on every run: `npx tsx scripts/make-hostile-fixtures.ts`.
 *   docx-bomb.docx          a valid .docx whose word/document.xml inflates to 150 MB of paragraphs
 *                           (as in the issue: 446 KB → 150 MB); its zip directory says so
 *   docx-bomb-lying.docx    the same kind, but its local and central headers claim 4 KB, so only the
 *                           worker's limits can stop it; its document.xml inflates to 600 MB, mostly
 *                           spaces between the paragraphs (so that it stays under 1 MB): mammoth's zip
 *                           reader compares the size with the header only once all is inflated: read in
 *                           the app's own thread, 150 MB is refused after 0.6 s and 250 MB, 600 MB after
 *                           4.6 s and 730 MB
 *   slow-text.pdf           a one-page PDF whose text layer takes pdfjs-dist about an hour: Form
 *                           XObjects nested 5 deep, each drawing the next 10 times, each of the 100 000
 *                           leaves showing one letter after 12 000 operators that draw nothing (measured
 *                           with pdfjs-dist alone: 3 levels take 20 s, 4 levels 364 s on a busy machine,
 *                           5 levels have not finished after 150 s; memory stays under 200 MB, so only
 *                           time stops it). Not more levels of bare text instead: each leaf drawn is one
 *                           text item, so 10^8 of them would reach the memory cap first, and a leaf with
 *                           no text is skipped by pdfjs after its first time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync, strToU8, zlibSync } from 'fflate';

const OUT = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'hostile');
const MB = 1024 * 1024;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface ZipPart {
  name: string;
  data: Uint8Array;
  /** The uncompressed size written in both headers, when it is to lie. */
  claimedSize?: number;
}

/** A zip written by hand (deflate level 9, fixed date 2025-01-01), so the headers can say anything. */
function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const packed = deflateSync(part.data, { level: 9, mem: 12 });
    const fields = (h: Buffer, at: number) => {
      h.writeUInt16LE(8, at); // deflate
      h.writeUInt16LE(0, at + 2); // 00:00
      h.writeUInt16LE(((2025 - 1980) << 9) | (1 << 5) | 1, at + 4);
      h.writeUInt32LE(crc32(part.data), at + 6);
      h.writeUInt32LE(packed.length, at + 10);
      h.writeUInt32LE(part.claimedSize ?? part.data.length, at + 14);
      h.writeUInt16LE(name.length, at + 18);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fields(local, 8);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    fields(central, 10);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(packed));
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** word/document.xml of exactly `size` bytes: the same valid paragraph over and over, `gap` spaces after each. */
function bombDocument(size: number, gap = 0): Uint8Array {
  const head = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>');
  const tail = strToU8('</w:body></w:document>');
  const paragraph = strToU8('<w:p><w:r><w:t>Tăng cường công tác dân vận chính quyền, thực hiện dân chủ ở cơ sở.</w:t></w:r></w:p>');
  const out = new Uint8Array(size);
  out.set(head, 0);
  let at = head.length;
  out.fill(0x20, at, size - tail.length); // spaces between paragraphs and before the end tag
  while (at + paragraph.length <= size - tail.length) {
    out.set(paragraph, at);
    at += paragraph.length + gap;
  }
  out.set(tail, size - tail.length);
  return out;
}

function docx(document: Uint8Array, claimedSize?: number): Buffer {
  return zip([
    {
      name: '[Content_Types].xml',
      data: strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    },
    {
      name: '_rels/.rels',
      data: strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    },
    { name: 'word/document.xml', data: document, claimedSize },
  ]);
}

/** A PDF of numbered objects with a correct cross-reference table; streams are Flate-compressed. */
function pdf(objects: (string | { dict: string; stream: string })[]): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    const body =
      typeof object === 'string'
        ? Buffer.from(`${i + 1} 0 obj\n${object}\nendobj\n`, 'latin1')
        : (() => {
            const packed = Buffer.from(zlibSync(strToU8(object.stream), { level: 9 }));
            return Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< ${object.dict} /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), packed, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
          })();
    chunks.push(body);
    length += body.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}

const SLOW_PDF = { depth: 5, fanout: 10, padding: 12_000 };

function slowPdf(): Buffer {
  const { depth, fanout, padding } = SLOW_PDF;
  // 1 catalog, 2 pages, 3 page, 4 font, 5 page content, 6… the forms, the leaf last.
  const form = (level: number) => 6 + level;
  const draws = (level: number) =>
    Array.from({ length: fanout }, (_, i) => `q 1 0 0 1 ${(i * 5 * fanout ** (depth - level - 1)) % 400} ${i} cm /X Do Q`).join('\n');
  const forms = Array.from({ length: depth + 1 }, (_, level) =>
    level < depth
      ? { dict: `/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /XObject << /X ${form(level + 1)} 0 R >> >>`, stream: draws(level) }
      : { dict: '/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> >>', stream: `${'0 0 0 rg\n'.repeat(padding)}BT /F1 10 Tf 40 700 Td (x) Tj ET` },
  );
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 6 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    { dict: '', stream: 'q /X Do Q' },
    ...forms,
  ]);
}

function hostileFixtures(): Record<string, Buffer> {
  return {
    'docx-bomb.docx': docx(bombDocument(150 * MB)),
    'docx-bomb-lying.docx': docx(bombDocument(600 * MB, MB), 4096),
    'slow-text.pdf': slowPdf(),
  };
}

fs.mkdirSync(OUT, { recursive: true });
for (const [name, bytes] of Object.entries(hostileFixtures())) {
  fs.writeFileSync(path.join(OUT, name), bytes);
  console.log(`${name}: ${bytes.length} byte`);
}
