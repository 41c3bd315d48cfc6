import { splitJoinedWord } from './ocr-words';
import { NUMBERED } from './paragraphs';
import { repairItemLetter, type Line } from './source-text';

/** A line with no letter or digit: specks of dirt or toner read as ". , '" (a footnote rule is taken out before). */
const SPECKS_ONLY = /^[^\p{L}\p{N}]*$/u;
/** Specks read before an item's number, letter or dash (": 7. Triển khai …", ".c6) Thời gian …"). */
const SPECKS_BEFORE_ITEM = /^[.:,;'`´‘’"|!_~^*¡¿]{1,3}\s*(?=\d{1,2}\s*[.)]\s|[a-zđ]\S{0,2}[)}\]]\s|[-–+]\s)/u;
/** A dash that lost a space beside it between two words ("Văn hóa- Xã hội", "Phục vụ -Kiểm soát"). */
const DASH_SPACING = /(\p{L})(?:[-–] | [-–])(?=\p{L})/gu;
/** A speck read as one character after a line's last full stop ("thuộc Sở. Ự", "trực thuộc. ˆ"). */
const SPECK_AFTER_STOP = /([.;])\s+[^\p{N}\s]$/u;
/** A speck read as a full stop inside a sentence ("UBND đặc. khu", "Hạ tầng. và"): a sentence never goes on in lower case. */
const STOP_IN_SENTENCE = /(\p{L}{2,})\.{1,3}\s+(?=\p{Ll})/gu;
/** …or after a word no sentence ends with ("HĐND và. UBND"). */
const STOP_AFTER_LINKING_WORD = /(?<=^|\s)(và|của|các|những|với|cho|về|tại|trong|theo|để)\.{1,3}\s+/giu;
/** What a misread item number looks like: a short run of digits and digit-like letters or marks ("0S", "S.", "3"). */
const MISREAD_NUMBER = /^[0-9OoSsIl|$§]{1,3}[.,:)]?\s+(?=["“]?\p{Lu})/u;

/**
 * Repairs of what OCR does to a plan's lines, before paragraphs are rebuilt: speck lines dropped, specks
 * before an item and after a line's last stop taken off, item letters read with a symbol put back, a dash given its spaces,
 * a full stop inside a sentence dropped, two words run together split ("Vănphòng"), and a task
 * number misread in a run ("2.", "0S Thực hiện …", "4.") given the number between its neighbours. Only
 * for text read from a picture: typed text is taken as written.
 */
export function repairOcrLines(lines: Line[]): Line[] {
  const kept = lines
    .filter((line) => !SPECKS_ONLY.test(line.text))
    .map((line) => {
      const text = repairItemLetter(line.text.replace(SPECKS_BEFORE_ITEM, '')).replace(DASH_SPACING, '$1 - ').replace(SPECK_AFTER_STOP, '$1').replace(STOP_IN_SENTENCE, '$1 ').replace(STOP_AFTER_LINKING_WORD, '$1 ').replace(/\p{L}+/gu, splitJoinedWord);
      return text === line.text ? line : { ...line, text };
    });
  return kept.map((line, i) => {
    if (NUMBERED.test(line.text)) return line;
    const m = MISREAD_NUMBER.exec(line.text);
    if (!m) return line;
    const before = neighbourNumber(kept, i, -1);
    const after = neighbourNumber(kept, i, 1);
    if (before === null || after !== before + 2) return line;
    return { ...line, text: `${before + 1}. ${line.text.slice(m[0].length)}` };
  });
}

/** The number of the nearest item before (step -1) or after (step 1), within the same run (a part's heading ends the run). */
function neighbourNumber(lines: Line[], at: number, step: 1 | -1): number | null {
  for (let i = at + step; i >= 0 && i < lines.length && Math.abs(i - at) <= 80; i += step) {
    const m = NUMBERED.exec(lines[i]!.text);
    if (m) return Number(m[1]);
    if (/^[IVXL]{1,4}\s*[.:]\s/.test(lines[i]!.text)) return null;
  }
  return null;
}
