import { strFromU8, unzipSync } from 'fflate';

/** The parts of a .docx that tests look into. */
export function docxParts(buffer: Buffer): { document: string; styles: string; headers: string[]; footnotes: string } {
  const files = unzipSync(new Uint8Array(buffer));
  const text = (name: string) => (files[name] ? strFromU8(files[name]!) : '');
  return {
    document: text('word/document.xml'),
    styles: text('word/styles.xml'),
    headers: Object.keys(files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map(text),
    footnotes: text('word/footnotes.xml'),
  };
}

/** Visible text of the document body, paragraph by paragraph. */
export function docxParagraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1]!)).join(''),
  );
}

/** The run properties XML of the first run whose text contains `text`. */
export function runPropertiesOf(documentXml: string, text: string): string {
  const run = [...documentXml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].find((r) => decodeXml(r[1]!).includes(text));
  return run ? (/<w:rPr>[\s\S]*?<\/w:rPr>/.exec(run[1]!)?.[0] ?? '') : '';
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
