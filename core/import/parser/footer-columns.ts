import { foldChars } from './fuzzy';

/** Where one column ends and the next begins on a line of text laid out like its page: a run of spaces, or a tab stop (Word). */
const COLUMN_GAP = /^(.*?\S)(?: {6,}|[ ]*\t[\t ]*)(\S.*)$/;
/** A line of the right column only: far from the left margin, or after a tab stop. */
const RIGHT_ONLY = /^(?: {24,}|[ ]*\t[\t ]*)(\S.*)$/;

export interface FooterColumns {
  /** Per source line of the footer: its left part (the recipients) and its right part (the signature). */
  rows: Map<number, { left: string; right: string }>;
  /** The footer's last source line: the signature's lines are read after it. */
  last: number;
}

/**
 * Text laid out like its page (a PDF copied with its layout, "pdftotext -layout", or Word's tab stops): "Nơi nhận:" and the
 * recipients in the left column, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" and the name in the right one, on the same
 * lines. Read column by column, as the header's two columns are, so the signer is not a recipient.
 * `rawLines` keep their tabs.
 */
export function footerColumns(rawLines: string[]): FooterColumns | null {
  const start = rawLines.findIndex((line) => {
    const split = COLUMN_GAP.exec(line.trim() ? line.replace(/^\s+/, '') : '');
    return !!split && /^noi nhan\s*:/.test(foldChars(split[1]!));
  });
  if (start < 0) return null;
  const rows = new Map<number, { left: string; right: string }>();
  let last = start;
  for (let i = start; i < rawLines.length; i++) {
    const raw = rawLines[i]!;
    if (!raw.trim()) continue;
    const right = RIGHT_ONLY.exec(raw);
    const gap = right ? null : COLUMN_GAP.exec(raw.replace(/^\s+/, ''));
    // "-⇥UBND tỉnh;": a list's bullet and its tab, not two columns
    const split = gap && !/^[-–+•]$/.test(gap[1]!) ? gap : null;
    const bullet = /^\s*[-–+•]\s/.test(raw);
    if (!right && !split && !bullet && i > start) break;
    rows.set(i, right ? { left: '', right: right[1]!.trim() } : split ? { left: split[1]!.trim(), right: split[2]!.trim() } : { left: raw.trim(), right: '' });
    last = i;
  }
  return { rows, last };
}
