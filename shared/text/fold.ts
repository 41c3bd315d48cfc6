/** Anything one of normalizeText's replacements would change: a dash, a CR, whitespace other than one space or a line break, spaces around or runs of line breaks, whitespace at either end. */
const NEEDS_NORMALIZING = /[\u2010-\u2015\u2212\r]|[^\S\n ]| {2}| \n|\n |\n{3}|^\s|\s$/;

/**
 * Unicode NFC, unified dashes, spaces collapsed and trimmed: what every stored text goes through.
 * Quotes stay as typed (documents print “ ”).
 * Line breaks are kept (one paragraph per line in long fields); runs of blank lines become one.
 */
export function normalizeText(value: string): string {
  const nfc = value.normalize('NFC');
  // Most stored text is already normal: one test instead of six replacements (zod runs this on every
  // text field of every plan and report it reads, so it dominates reading 150 reports).
  if (!NEEDS_NORMALIZING.test(nfc)) return nfc;
  return nfc
    .replace(/[\u2010-\u2015\u2212]/g, (d) => (d === '\u2010' || d === '\u2011' ? '-' : '–'))
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Folds Vietnamese text for matching: lower case, no diacritics, đ→d, all dashes as "-".
 * "Bình Chương", "BÌNH CHƯƠNG" and "binh chuong" fold to the same string.
 */
export function foldVietnamese(value: string): string {
  return normalizeText(value)
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\u201C\u201D\u201E]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/\s*-\s*/g, '-');
}

/** Readable ASCII for file names, case kept: "UBND xã Bình Chương" → "UBND-xa-Binh-Chuong". */
export function asciiSlug(value: string): string {
  return normalizeText(value)
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Lower-case ASCII for generated document names: "UBND xã Bình Chương" → "ubnd-xa-binh-chuong". */
export function lowerSlug(value: string): string {
  return foldVietnamese(value).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
