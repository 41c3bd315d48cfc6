import { foldChars } from './fuzzy';

/** Vietnamese syllable beginnings, longest first ("ngh" before "ng" before "n"). */
const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];
/** Vietnamese rhymes without their marks (folded: "ương" is "uong"): what may follow a beginning. */
const RHYMES = new Set(
  (
    'a ac ach ai am an ang anh ao ap at au ay e ec ech em en eng enh eo ep et eu i ia ich iec iem ien ieng iep iet ieu im in inh ip it iu ' +
    'o oa oac oach oai oam oan oang oanh oao oap oat oay oc oe oen oeo oet oi om on ong ooc oong op ot ' +
    'u ua uan uang uat uay uc ue uech uenh ui um un ung uo uoc uoi uom uon uong uop uot uou up ut uu uy uya uych uyen uyet uynh uyt uyu ' +
    'y yem yen yet yeu'
  ).split(' '),
);
/** Letters only Vietnamese writes: a token without one may be a foreign word ("video", "online"), never split. */
const VIETNAMESE_MARK = /[ăâêôơưđàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;
/** A tone mark: a syllable has one at most. */
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/gu;

function isSyllable(word: string): boolean {
  if ((word.normalize('NFD').match(TONE) ?? []).length > 1) return false;
  // "ă" and "â" never end a syllable ("tâ|my" is no split of "tâmy": "tâm|y" is)
  if (/[ăâ]$/iu.test(word.normalize('NFD').replace(TONE, '').normalize('NFC'))) return false;
  const folded = foldChars(word);
  return ONSETS.some((onset) => folded.startsWith(onset) && RHYMES.has(folded.slice(onset.length)));
}

/**
 * A word OCR ran into the next one ("Vănphòng", "côngđặc", "Trungtâm", "chínhvà"): split in two syllables
 * when the whole is no Vietnamese syllable and a split gives two, the second taking the longest beginning it
 * can ("Đô|thị", not "Đôt|hị") except a first syllable's closing "n" ("ban|hành") or "ng" ("Công|an"); a word in capitals ("NHIỆMVỤ")
 * the same way. Capitals inside (UBND, HĐND), abbreviations, digits and foreign words are left alone.
 */
export function splitJoinedWord(token: string): string {
  // a heading in capitals run together ("NHIỆMVỤ"): split as its small letters would be
  if (/^\p{Lu}{4,}$/u.test(token)) return splitJoinedWord(token.toLowerCase()).toUpperCase();
  // a one-letter word in capitals run into the word before ("SởY tế"); "ThS" is no syllable and stays
  const lastCapital = /^(\p{Lu}?\p{Ll}+)(\p{Lu})$/u.exec(token);
  if (lastCapital && isSyllable(lastCapital[1]!)) return `${lastCapital[1]} ${lastCapital[2]}`;
  // "Y" run into the word after it ("Ytế" for "Y tế"; "Hmông" is a name)
  const firstCapital = /^(Y)(\p{Ll}{2,})$/u.exec(token);
  if (firstCapital && !isSyllable(token) && isSyllable(firstCapital[2]!) && VIETNAMESE_MARK.test(firstCapital[2]!)) return `${firstCapital[1]} ${firstCapital[2]}`;
  if (!/^\p{Lu}?\p{Ll}{3,}$/u.test(token) || !VIETNAMESE_MARK.test(token) || isSyllable(token)) return token;
  const two = splitInTwo(token);
  if (two) return two;
  // three run together ("chứccánbộ", "đơnvithuộc"): a syllable, then two
  const letters = [...token];
  for (let at = 1; at < letters.length - 1; at++) {
    const first = letters.slice(0, at).join('');
    const rest = isSyllable(first) ? splitInTwo(letters.slice(at).join('')) : null;
    if (rest) return `${first} ${rest}`;
  }
  return token;
}

/** Two syllables run together, split as splitJoinedWord says; null when no split gives two. */
function splitInTwo(token: string): string | null {
  const letters = [...token];
  for (let at = 1; at < letters.length; at++) {
    const first = letters.slice(0, at).join('');
    const second = letters.slice(at).join('');
    // the longest beginning for the second syllable: try the split points from the left, keep the first that works;
    // but "n|h", "n|g" goes with the first syllable when both ways read ("ban|hành", not "ba|nhành")
    if (!isSyllable(first) || !isSyllable(second)) continue;
    // "ng" before a vowel closes the first syllable when the rest reads alone ("Công|an", "Trung|ương", not "Côn|gan")
    if (/^ng[aeiouy]/.test(foldChars(second))) {
      const closed = [letters.slice(0, at + 2).join(''), letters.slice(at + 2).join('')] as const;
      if (isSyllable(closed[0]) && isSyllable(closed[1])) return `${closed[0]} ${closed[1]}`;
    }
    const later = [letters.slice(0, at + 1).join(''), letters.slice(at + 1).join('')] as const;
    if (/^n[hg]/.test(foldChars(second)) && isSyllable(later[0]) && isSyllable(later[1])) return `${later[0]} ${later[1]}`;
    return `${first} ${second}`;
  }
  return null;
}
