import { foldVietnamese } from '../../shared/text/fold';

/** The words of a clerk's query, folded (no diacritics, lower case, đ→d), at most 12. */
export function searchWords(query: string): string[] {
  return foldedTokens(query).slice(0, 12);
}

/** The words of a text, folded: what a query word is matched against, as a prefix. */
export function foldedTokens(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** The query words that begin one of the tokens ("binh chu" finds "Bình Chương", as the plan index does). */
export function wordsFound(words: readonly string[], tokens: readonly string[]): Set<string> {
  return new Set(words.filter((w) => tokens.some((t) => t.startsWith(w))));
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `wordsFound` on text already folded (stored folded names), without splitting it into words. */
export function wordsBeginningIn(words: readonly string[], folded: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const w of words) {
    search: for (const text of folded) {
      for (let at = text.indexOf(w); at !== -1; at = text.indexOf(w, at + 1)) {
        if (at === 0 || !LETTER_OR_DIGIT.test(text[at - 1]!)) {
          found.add(w);
          break search;
        }
      }
    }
  }
  return found;
}
