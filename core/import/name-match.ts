/**
 * A unit name a scan misread ("Văn phòng S&", "Phòng Ndi vụ", "Phòng Văn h©a - Xã hội") matched to the
 * office's names by a tolerant comparison of folded names (no diacritics, lower case). What OCR does to a
 * letter costs little: a symbol read for it, or "d" read for a marked vowel. Any other letter changed costs
 * a whole error, allowed once only in a long name; digits must agree ("Thôn 1" is never "Thôn 2"), though a
 * digit may stand for the letter it looks like ("c0ng").
 */
const OCR_COST = 0.25;
const VOWELS = new Set('aeiouy');
/** Digits a scan reads for letters: "c0ng" for "công". */
const LOOK_ALIKE: Record<string, string> = { '0': 'o', '1': 'l', '5': 's', '8': 'b' };

function isSymbol(c: string): boolean {
  return !/[a-z0-9 \-,.()/]/.test(c);
}

function substitution(read: string, meant: string): number {
  if (read === meant) return 0;
  if (LOOK_ALIKE[read] === meant) return OCR_COST;
  if (/\d/.test(read) || /\d/.test(meant)) return Infinity;
  if (isSymbol(read) || (read === 'd' && VOWELS.has(meant))) return OCR_COST;
  return 1;
}

/** Edit cost of reading `meant` as `read`, given up on once over `limit`. */
function readingCost(read: string, meant: string, limit: number): number {
  let prev = Array.from({ length: meant.length + 1 }, (_, j) => j);
  for (let i = 1; i <= read.length; i++) {
    const extra = isSymbol(read[i - 1]!) ? OCR_COST : 1;
    const row = [prev[0]! + extra];
    let best = row[0]!;
    for (let j = 1; j <= meant.length; j++) {
      row[j] = Math.min(prev[j]! + extra, row[j - 1]! + 1, prev[j - 1]! + substitution(read[i - 1]!, meant[j - 1]!));
      best = Math.min(best, row[j]!);
    }
    if (best > limit) return Infinity;
    prev = row;
  }
  return prev[meant.length]!;
}

/** The one folded key `folded` was most likely misread from, or null when none is close or two are as close. */
export function closestName(folded: string, keys: Iterable<string>): string | null {
  let best: { key: string; cost: number } | null = null;
  let tie = false;
  for (const key of keys) {
    if (key.length < 6 || Math.abs(key.length - folded.length) > 3) continue;
    const limit = key.length >= 16 ? 1.25 : 0.5;
    const cost = readingCost(folded, key, limit);
    if (cost > limit) continue;
    if (!best || cost < best.cost) [best, tie] = [{ key, cost }, false];
    else if (cost === best.cost && key !== best.key) tie = true;
  }
  return best && !tie ? best.key : null;
}
