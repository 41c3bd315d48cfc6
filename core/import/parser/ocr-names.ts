import type { ParsedTask } from '../../../shared/import/parsed-plan';
import { editDistance, foldChars } from './fuzzy';

/** Two words side by side, lower-cased, as the document writes them ("văn phòng", "nội vụ"), and how often. */
type PairCounts = Map<string, number>;

const WORD = /[\p{L}\p{N}]+/gu;

interface Counts {
  pairs: PairCounts;
  words: Map<string, number>;
  /** How the document writes each word after the word before it ("văn Phòng" or "văn phòng"), as written. */
  written: Map<string, Map<string, number>>;
  /** Each pair's letters run together and without marks ("dulich"), with the pair as the document writes it ("du lịch") and how often. */
  joined: Map<string, Map<string, number>>;
  /** Two words with a comma between ("phòng, đơn"), lower-cased, and how often. */
  commas: Map<string, number>;
  /** Two words with a dash between ("hóa - xã"), lower-cased, and how often. */
  dashes: Map<string, number>;
}

function pairCounts(text: string): Counts {
  const matches = [...text.matchAll(WORD)];
  const original = matches.map((m) => m[0]);
  const tokens = original.map((t) => t.toLowerCase());
  const counts: Counts = { pairs: new Map(), words: new Map(), written: new Map(), joined: new Map(), commas: new Map(), dashes: new Map() };
  tokens.forEach((token, i) => {
    counts.words.set(token, (counts.words.get(token) ?? 0) + 1);
    if (i === 0) return;
    const between = text.slice(matches[i - 1]!.index! + original[i - 1]!.length, matches[i]!.index);
    const pair = `${tokens[i - 1]} ${token}`;
    if (/^, ?$/.test(between)) counts.commas.set(pair, (counts.commas.get(pair) ?? 0) + 1);
    if (/^ ?[-–] ?$/.test(between)) counts.dashes.set(pair, (counts.dashes.get(pair) ?? 0) + 1);
    // side by side means only a space between: "hiểu dân, học dân" writes no "dân học" a name could borrow
    if (!/^\s+$/.test(between)) return;
    counts.pairs.set(pair, (counts.pairs.get(pair) ?? 0) + 1);
    const forms = counts.written.get(pair) ?? new Map<string, number>();
    forms.set(original[i]!, (forms.get(original[i]!) ?? 0) + 1);
    counts.written.set(pair, forms);
    const key = foldChars(`${tokens[i - 1]}${token}`);
    const joined = counts.joined.get(key) ?? new Map<string, number>();
    joined.set(pair, (joined.get(pair) ?? 0) + 1);
    counts.joined.set(key, joined);
  });
  return counts;
}

/**
 * Units' names (and the plan's title) mended by the rest of the document, its word pairs counted once: a scan misreads a letter or a mark in one mention ("Phòng
 * Nơi vụ", "Văn Phông", "Việt Nai") and reads the same name right in the others. A word of three letters or
 * more (of two, when only a mark differs: "Dù lịch"), read once and in word pairs read at most once, becomes the word of its length with one or two letters
 * otherwise that the document writes beside the same neighbours, on each side, at least twice in all ("nội vụ",
 * "văn phòng"; with only spaces between, never across a comma), when one such word stands out; a lone letter between two words the document writes side by side
 * ("UBND D tỉnh") is dropped. So a right word that differs by a tone mark stays ("hướng dẫn" is never "hướng
 * dân"), and no letter is added ("Công an" is never "Công dân"). Specks inside a name are taken out first. Only
 * for text read from a picture.
 */
export function mendNamesByDocument(tasks: ParsedTask[], title: string | null, text: string): string | null {
  const counts = pairCounts(text);
  const mend = (name: string) => mendName(withoutSpecks(name), counts);
  for (const task of tasks) {
    task.directing = task.directing.map(mend);
    task.lead = task.lead.map(mend);
    task.coordinating = task.coordinating.map(mend);
    task.implementing = task.implementing.map(mend);
  }
  // the title the same way ("Thục hiện dân chủ …" beside the document's many "thực hiện"), its stops kept: it is
  // printed into every plan derived from it
  return title && mendName(title, counts);
}

/**
 * A unit's name has no stop, colon or quote inside it: a scan's specks between its words ("Sở.Nội vụ", "Việt :
 * Nam", "Các:cơ quan") and at its end ("Phòng Kinh tế. \" -") are taken out; its dash ("Văn hóa - Xã hội") stays.
 */
function withoutSpecks(name: string): string {
  return name
    // "Văn hóa. - -Xã hội": specks around the name's dash
    .replace(/(?<=\p{L})(?:\s*\.)?\s*[-–](?:\s*[-–.])*\s*(?=\p{Lu})/gu, (dash) => (/\s|\.|[-–].*[-–]/u.test(dash) ? ' - ' : dash))
    .replace(/\s*[.:;„"“”'`´{}|~^_]+\s*(?=\p{L})/gu, ' ')
    .replace(/[\s.:;,„"“”'`´_–-]+$/u, '')
    .trim();
}

function mendName(name: string, { pairs, words, written, joined, commas, dashes }: Counts): string {
  const tokens = name.split(' ');
  // neighbours compared by their letters ("quan," is "quan")
  const bare = (word: string | undefined) => word?.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') || undefined;
  const count = (a: string | undefined, b: string | undefined) => (bare(a) && bare(b) ? (pairs.get(`${bare(a)} ${bare(b)}`) ?? 0) : 0);
  const out: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    const before = out[out.length - 1];
    const after = tokens[k + 1];
    // a comma a scan lost between two words the document writes with one between, at least twice and more often than without ("các phòng đơn vị thuộc Sở")
    const comma = bare(before) === before?.toLowerCase() && bare(token) ? (commas.get(`${bare(before)} ${bare(token)}`) ?? 0) : 0;
    if (comma >= 2 && comma > count(before, token)) out[out.length - 1] += ',';
    // a dash a speck made between words the document writes side by side, far more often than with one ("tổ - dân phố")
    if (token === '-' && before && after && count(before, after) >= 2 && (dashes.get(`${bare(before)} ${bare(after)}`) ?? 0) * 2 < count(before, after)) continue;
    // a dash a scan lost inside a name the document writes with one ("Phòng Văn hóa Xã hội")
    const dash = bare(before) && bare(token) ? (dashes.get(`${bare(before)} ${bare(token)}`) ?? 0) : 0;
    if (dash >= 2 && dash > count(before, token)) out.push('-');
    // a word in capitals inside a name written small ("Công đoàn CƠ SỞ CƠ quan Sở"): as the document writes it after the same word
    const small = /^\p{Lu}{2,}$/u.test(token) && name !== name.toUpperCase() && before ? [...(written.get(`${bare(before)} ${token.toLowerCase()}`) ?? [])].sort((a, b) => b[1] - a[1])[0] : undefined;
    if (small && small[1] >= 2 && small[0] !== small[0].toUpperCase()) {
      out.push(small[0]);
      continue;
    }
    // two words run together with their marks lost ("Sở Dulich"): the pair the document writes with those letters, at least twice and more often than the token
    const pair = token.length >= 4 && /^[a-z]+$/i.test(token) ? [...(joined.get(token.toLowerCase()) ?? [])].sort((a, b) => b[1] - a[1])[0] : undefined;
    if (pair && pair[1] >= 2 && pair[1] > (words.get(token.toLowerCase()) ?? 0)) {
      out.push(token[0] === token[0]!.toLowerCase() ? pair[0] : pair[0][0]!.toUpperCase() + pair[0].slice(1));
      continue;
    }
    if (!/^\p{L}+$/u.test(token) || (words.get(token.toLowerCase()) ?? 0) > 1 || count(before, token) > 1 || count(token, after) > 1) {
      out.push(token);
      continue;
    }
    if (token.length === 1 && count(before, after) >= 2) continue; // "UBND D tỉnh"
    // a word of two letters only by a mark ("và Dù lịch"): any other two letters are too near too many words
    const marksOnly = token.length < 3;
    if (token.length < 2) {
      out.push(token);
      continue;
    }
    let best: { word: string; support: number } | null = null;
    let tied = false;
    for (const [word, seen] of words) {
      // letters read wrong, never letters added or lost: "Công an" must not become "Công dân"
      if (seen < 2 || word.length !== token.length || !/^\p{L}+$/u.test(word) || editDistance(token.toLowerCase(), word, 2) > 2) continue;
      if (marksOnly && foldChars(word) !== foldChars(token.toLowerCase())) continue;
      // the document must write the word beside each neighbour it has here
      const left = count(before, word);
      const right = count(word, after);
      if ((bare(before) && !left) || (bare(after) && !right) || left + right < 2) continue;
      const support = left + right;
      if (best && support === best.support) tied = true;
      else if (!best || support > best.support) {
        best = { word, support };
        tied = false;
      }
    }
    if (!best || tied) {
      out.push(token);
      continue;
    }
    // written as the document writes it after the same word ("Văn phòng"); a name's first word keeps its capital
    // (never the capitals of a heading, "VÀ DU LỊCH", for a word not in capitals)
    const capitals = (word: string) => word === word.toUpperCase();
    const forms = [...(written.get(`${bare(before)} ${best.word}`) ?? [])].filter(([form]) => capitals(token) || !capitals(form)).sort((a, b) => b[1] - a[1]);
    const capital = token[0] !== token[0]!.toLowerCase();
    out.push(forms[0] && before ? forms[0][0] : capital ? best.word[0]!.toUpperCase() + best.word.slice(1) : best.word);
  }
  return out.join(' ');
}
