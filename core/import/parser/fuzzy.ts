import { foldVietnamese } from '../../../shared/text/fold';

/**
 * Matching that survives scanned copies: diacritics lost ("Thoi gian thuc hien") and letters
 * misread by OCR ("Thdi gian", "Qudng Ngdi") still find the words they stand for.
 */
export function fold(text: string): string {
  return foldVietnamese(text);
}

export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      best = Math.min(best, row[j]!);
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Letters OCR may have dropped or swapped: one per six, never on short words. */
export function tolerance(folded: string): number {
  return folded.length < 5 ? 0 : Math.floor(folded.length / 6);
}

/** Whether folded `text` is `word` give or take OCR errors. */
export function sameWords(text: string, word: string): boolean {
  const a = text.replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
  const b = word.replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
  if (a === b) return true;
  return editDistance(a, b, tolerance(b)) <= tolerance(b);
}

/**
 * Folds character by character, keeping positions: index i of the result is index i of `text`,
 * so a match found in folded text cuts the original at the same place.
 */
export function foldChars(text: string): string {
  let out = '';
  for (const c of text) {
    const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace('đ', 'd');
    out += base.length === c.length ? base : base.padEnd(c.length, ' ').slice(0, c.length);
  }
  return out;
}
