import { matchLabel } from './labels';
import { splitJoinedWord } from './ocr-words';
import { NUMBERED, SUB_NUMBERED } from './paragraphs';
import { repairItemLetter, type Line } from './source-text';

/** A line with no letter or digit: specks of dirt or toner read as ". , '" (a footnote rule is taken out before). */
const SPECKS_ONLY = /^[^\p{L}\p{N}]*$/u;
/** Specks read before an item's number, letter or dash (": 7. Triển khai …", "'2.2. Tổ chức …", ".c6) Thời gian …"). */
const SPECKS_BEFORE_ITEM = /^[.:,;'`´‘’"|!_~^*¡¿ˆ˜¨]{1,3}\s*(?=\d{1,2}(?:\.\d{1,2})*\s*[.)]\s|[a-zđ©¢]\S{0,2}[)}\]]\s|[-–+]\s?\p{Lu})/u;
/** A dash item that lost its space ("-Chủ trì: …" once its specks are off), or read as a tilde ("~ Chủ trì: …"). */
const DASH_WITHOUT_SPACE = /^([-–+])(?=\p{Lu})/u;
const DASH_READ_AS_TILDE = /^[~¬]\s*(?=\p{Lu})/u;
/** A speck before a line's first word in small letters ("-đăng ký mô hình"): no item starts so, and the line goes on the sentence above. */
const SPECK_DASH_BEFORE_SMALL = /^[-–](?=\p{Ll})/u;
/** A date's number with a letter for a digit after its word or its slash ("tháng 0l", "3/2O26", "tháng lO/2026"): "l", "I", "|" for 1, "O" for 0. */
const DATE_PART_WITH_LETTERS = /(?<=(?:^|\s)(?:ngày|tháng|năm)\s+|\d\/)(?:(?=[\dOlI|]*\d)[\dOlI|]{1,4}(?=[\s/.,;:)]|$)|[OlI|]{1,2}(?=\/\d{4}))/gu;
/** A mark standing alone between words or at a line's end ("đơn vị,' các ấp", "trước ngày '"): a speck, not a quote (those touch their word). */
const LONE_MARK = /(?<=[\s,])['`´ˆ˜](?=\s|$)/gu;
/** A label whose colon was read as a semicolon ("- Chủ trì; Văn phòng …"): its words and the mark. */
const LABEL_BEFORE_SEMICOLON = /^((?:[-–+•]\s*|[a-zđ]\)\s*)?)([^;:]{2,40});\s*/u;
/** A dash that lost a space beside it, or both, between two words ("Văn hóa- Xã hội", "Phục vụ -Kiểm soát", "Văn hóa-Xã hội"). */
const DASH_SPACING = /(\p{L})(?:[-–] | [-–]|[-–](?=\p{Lu}\p{Ll}))(?=\p{L})/gu;
/** A speck read as one character after a line's last full stop ("thuộc Sở. Ự", "trực thuộc. ˆ"). */
const SPECK_AFTER_STOP = /([.;])\s+[^\p{N}\s]$/u;
/** A speck read as a full stop inside a sentence ("UBND đặc. khu", "Hạ tầng. và"): a sentence never goes on in lower case. */
const STOP_IN_SENTENCE = /(\p{L}{2,})\.{1,3}\s+(?=\p{Ll})/gu;
/** …or after a word no sentence ends with ("HĐND và. UBND"). */
const STOP_AFTER_LINKING_WORD = /(?<=^|\s)(và|của|các|những|với|cho|về|tại|trong|theo|để)\.{1,3}\s+/giu;
/** A speck stuck before a word, of marks no Vietnamese word starts with ("phường \\và các tổ", "_Giao Phòng …"). */
const MARK_BEFORE_WORD = /(?<=^|\s)[\\|`´~^_]+(?=\p{L})/gu;
/** A dash stuck before a linking word ("phối hợp -với Phòng …"): a speck, not a dash between two names. */
const DASH_BEFORE_LINKING_WORD = /(?<=\s)[-–](?=(?:với|và|của|cho|theo|tại|trong|để|thực)\s)/gu;
/** A quarter's Roman numeral read as ones, "l" or "H" for two ("Quý 11/2026", "Quý HI/2026": there is no 11th quarter). */
const QUARTER_READ_AS_ONES = /(?<=(?:^|[\s(])[Qq]uý\s*)(?:[1lI|H]{2,3}|[l|H])(?=[\s/,.;)]|$)/gu;
/** A date's digits read as letters ("06/l1/2026", "O5/3/2026"): "l", "I", "|" for 1, "O" for 0. */
const DATE_WITH_LETTERS = /(?<![\p{L}\d])([\dlIO|]{1,2})\/([\dlIO|]{1,2})\/((?:19|20)\d{2})(?!\d)/gu;
/** "Ủy ban" with the hook of its "Ủ" lost or read as another mark ("Uy ban MTTQ", "Úy ban"): no other word is written so. */
const UY_BAN = /(?<=^|[\s(,;])([UuÚúÙùŨũỤụ])y(?= ban\b)/gu;
/** "Chi cục" read with a mark on its "i" ("Chỉ cục Quản lý thị trường"): "chỉ cục" is no Vietnamese. */
const CHI_CUC = /(?<=^|[\s(,;])([Cc]h)[ỉìíĩị](?= cục(?!\p{L}))/gu;
/** The Front's abbreviation misread ("Ủy ban HÀViệt Nam tỉnh"): no "Ủy ban … Việt Nam" but the MTTQ's is written with capitals. */
const MTTQ_MISREAD = /(?<=Ủy ban )(?!MTTQ)\p{Lu}{1,5} ?(?=Việt Nam)/gu;
/** "Ủy ban - MTTQ": a speck between "Ủy ban" and "MTTQ". */
const SPECK_BEFORE_MTTQ = /(?<=Ủy ban)\s*[-–.,:;'`]+\s*(?=MTTQ)/gu;
/** "Từ tháng 33 đến": a month's digit read twice (no month has two equal digits but 11). */
const MONTH_DIGIT_TWICE = /(?<=tháng\s+)([2-9])\1(?=[\s/.,;]|$)/giu;
/** A speck stuck before a date or a month ("Tháng „02/2026", "Trước ngày :13/3/2026"): no date starts with a mark (a quoted one ends with its quote). */
const SPECK_BEFORE_DATE = /(?<=^|\s)["„‚,.:;'`]+(?=\d{1,2}\/\d[\d/]*(?:[\s.,;)]|$))/gu;
/** "27/KH'UBND", "27/KH.UBND": a document's symbol whose hyphen a scan read as a mark. */
const SYMBOL_HYPHEN_MISREAD = /(?<=\d{1,4}\/[A-ZĐ]{1,4})['’`.,:;_~](?=[A-ZĐ]{2,})/gu;
/** "Quý1/2026", "QuýII/2026", "Quý - II/2026": a quarter run into its numeral, or a speck between. */
const QUARTER_JOINED = /(?<=^|\s)([Qq]uý)(?:\s*[-–.,:;'`]+\s*)?(?=[IVX1l|]{1,3}\/\d{4})/gu;
/** "Từ tháng 9: đến tháng 12": a speck after the first month of a span. */
const SPECK_AFTER_MONTH = /(tháng\s+\d{1,2})[:;,.'`]+(?=\s+(?:đến|-|–))/giu;
/** "Tháng 5 tháng 8/2026": the dash between a span's months lost (the first month the earlier). */
const MONTHS_WITHOUT_DASH = /(tháng\s+(\d{1,2}))\s+(?=tháng\s+(\d{1,2})\/\d{4})/giu;
/** A speck between a date's word and its number ("ngày.22", "năm:2026"). */
const MARK_BEFORE_DATE_NUMBER = /(?<=^|[\s,(])(ngày|tháng|năm)[.:,;'`]+\s*(?=\d)/giu;
/** A date's two-digit month read as two numbers ("05/1 1/2026"). */
const SPLIT_MONTH = /(\b\d{1,2}\/\d) (\d\/\d{4}\b)/g;
/** A stop standing alone between words, before a small letter, a number or an abbreviation, or after a linking word ("HĐND và . UBND", "Ủy ban . MTTQ"): a speck. */
const LONE_STOP = /(?<=\p{L})\s+[.·]{1,3}\s+(?=\p{Ll}|\d|\p{Lu}{2})|(?<=(?:^|\s)(?:và|của|các|với|cho|về|tại|trong|theo))\s+[.·]{1,3}\s+(?=\p{L})/gu;
/** One letter with a tone mark alone at a line's end ("Ủy ban MTTQ Việt Nam phường Ì"): a speck read as a letter, no word. */
const MARKED_LETTER_AT_END = /\s(?![A-Za-z])\p{L}$/u;
/** A number run into the word after it ("6tháng cuối năm"). */
const NUMBER_JOINED = /(?<=(?:^|\s)\d{1,2})(?=(?:tháng|năm|quý|ngày)(?!\p{L}))/gu;
/** A speck read after a comma or semicolon between two names ("Sở Tài chính,:UBND các xã"): no list writes ",:". */
const SPECK_AFTER_COMMA = /([,;])[.:;'`´]+\s*(?=\p{L})/gu;
/** The marks Vietnamese writes on a letter (tones, and the hat, breve and horn of â ă ê ô ơ ư): any other is a misread. */
const FOREIGN_MARK = /[^\P{M}\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B]/gu;
/** A word run into the next capitalised one ("SởNội vụ", "ĐắkLắk"): Vietnamese words have no capital inside. */
const CAPITAL_JOINED = /(?<=\p{Ll})(?=\p{Lu}\p{Ll})/gu;
/** The administration's abbreviations run into the word before or after them ("UBNDđặc khu", "MTTQViệt", "tịchUBND"). */
const ABBREVIATION_JOINED = /(?<=\p{L})(?=UBND|HĐND|MTTQ)|(?<=UBND|HĐND|MTTQ)(?=\p{L})/gu;
/** What a misread item number looks like: a short run of digits and digit-like letters or marks ("0S", "S.", "3", "li" for "1."). */
const MISREAD_NUMBER = /^[.:,;'`]{0,2}([0-9OoSsIil|$§]{1,3})[.,:)=]?\s+(?=["“]?\p{Lu})/u;
/** Any short run of marks, no dash or bullet, before a capitalised sentence: what a part's lost "1." may have been read as. */
const FIRST_NUMBER_MISREAD = /^[^\s\-–+•*]{1,3}\s+(?=["“]?\p{Lu}\p{Ll})/u;

/** A part's heading ("II. NHIỆM VỤ", a scan's "Il. NỘI DUNG"): a run of numbered items ends there. */
const PART_HEADING = /^(?:[IVXL]{1,4}\s*[.:]\s|[1Il|]{2,3}\s*[.:]\s+\p{Lu}{2})/u;
/** A task's time line, the last of its attributes ("- Thời gian thực hiện: …", "b) Thời gian: …"). */
const TIME_LINE = /^(?:[-–+•]\s*|[a-zđ]\)\s*)?(?:Thời gian|Thời hạn|Tiến độ)[^:]{0,20}:/u;
/** A lost number read as a capital or two ("SẼ Công khai …" for "3."): no word, it has no small letter. */
const NUMBER_READ_AS_CAPITALS = /^[^\s\p{Ll}\-–+•*]{1,2}\s+(?=["“]?\p{Lu}\p{Ll})/u;
/** What a misread sub-item number looks like: its group's digit, then letters ("20giL" for "2.1.", "2su" for "2.3."). */
const MISREAD_SUB_ITEM = /^(\d)(?=\S*\p{L})\S{1,5}\s+(?=["“]?\p{Lu})/u;

/**
 * Repairs of what OCR does to a plan's lines, before paragraphs are rebuilt: speck lines dropped, specks
 * before an item and after a line's last stop taken off, item letters read with a symbol put back, a dash given its spaces,
 * a full stop inside a sentence dropped, a date's numbers mended ("ngày.22", "05/1 1/2026"), two words run
 * together split ("Vănphòng", "UBNDđặc"), and a task
 * number misread or lost in a run ("2.", "0S Thực hiện …", "4."; a sentence right after a task's time line) given the
 * number between its neighbours. Only
 * for text read from a picture: typed text is taken as written.
 */
export function repairOcrLines(lines: Line[]): Line[] {
  const kept = lines
    .filter((line) => !SPECKS_ONLY.test(line.text))
    .map((line) => {
      const text = labelColon(repairItemLetter(withoutForeignMarks(line.text).replace(SPECKS_BEFORE_ITEM, '').replace(DASH_WITHOUT_SPACE, '$1 ').replace(DASH_READ_AS_TILDE, '- ').replace(SPECK_DASH_BEFORE_SMALL, '')))
        .replace(MARK_BEFORE_WORD, '')
        .replace(LONE_MARK, '')
        .replace(ABBREVIATION_JOINED, ' ')
        .replace(CAPITAL_JOINED, ' ')
        .replace(LONE_STOP, ' ')
        .replace(SPECK_AFTER_COMMA, '$1 ')
        .replace(MARKED_LETTER_AT_END, '')
        .replace(NUMBER_JOINED, ' ')
        .replace(DASH_BEFORE_LINKING_WORD, '')
        .replace(DASH_SPACING, '$1 - ')
        .replace(SPECK_AFTER_STOP, '$1')
        .replace(STOP_IN_SENTENCE, '$1 ')
        .replace(STOP_AFTER_LINKING_WORD, '$1 ')
        .replace(UY_BAN, (_, u: string) => (u === u.toUpperCase() ? 'Ủy' : 'ủy'))
        .replace(CHI_CUC, '$1i')
        .replace(MTTQ_MISREAD, 'MTTQ ')
        .replace(SPECK_BEFORE_MTTQ, ' ')
        .replace(MARK_BEFORE_DATE_NUMBER, '$1 ')
        .replace(SPECK_BEFORE_DATE, '')
        .replace(MONTH_DIGIT_TWICE, '$1')
        .replace(SYMBOL_HYPHEN_MISREAD, '-')
        .replace(QUARTER_JOINED, '$1 ')
        .replace(SPECK_AFTER_MONTH, '$1')
        .replace(MONTHS_WITHOUT_DASH, (all, first: string, from: string, to: string) => (Number(from) < Number(to) ? `${first} - ` : all))
        .replace(QUARTER_READ_AS_ONES, (ones) => ones.replace(/H/g, 'II').replace(/[1l|]/g, 'I'))
        .replace(SPLIT_MONTH, '$1$2')
        .replace(DATE_WITH_LETTERS, (_, d: string, m: string, y: string) => `${digits(d)}/${digits(m)}/${y}`)
        .replace(DATE_PART_WITH_LETTERS, digits)
        .replace(/\p{L}+/gu, splitJoinedWord);
      return text === line.text ? line : { ...line, text };
    });
  // "2) Thực hiện …" between "đ)" and "g)": a letter read as a digit ("e)"), mended first so that it is no task's number to count from
  const letters = kept.map((line, i) => {
    const letter = /^\d\)\s/.test(line.text) ? itemLetter(kept, i) : null;
    return letter ? { ...line, text: letter } : line;
  });
  // numbers mended in order: an item mended is the neighbour the next one is counted from ("4 Kiểm tra" after ":3: Thực hiện")
  const mended = [...letters];
  letters.forEach((line, i) => (mended[i] = mendNumber(mended, i)));
  return mended;
}

/** A letter with a mark Vietnamese never writes loses it ("Phòng Nghiệp vụ Ÿ", "ë"): a misread "Y", "e". */
function withoutForeignMarks(text: string): string {
  if (/^[\p{ASCII}]*$/u.test(text)) return text;
  const decomposed = text.normalize('NFD');
  const kept = decomposed.replace(FOREIGN_MARK, '');
  return kept.length === decomposed.length ? text : kept.normalize('NFC');
}

/** A task number misread or lost, given the number between its neighbours (or the next, at a part's end); other lines as they are. */
function mendNumber(lines: Line[], i: number): Line {
  const line = lines[i]!;
  if (NUMBERED.test(line.text)) return line;
  const sub = subItemNumber(lines, i) ?? itemLetter(lines, i);
  if (sub) return { ...line, text: sub };
  // a number misread, or lost: a sentence right after a task's time line ("b) Thời gian thực hiện: …")
  const misread = MISREAD_NUMBER.exec(line.text);
  // a part's first item before its "2.": its "1." may be read as any short run of marks ("xi", "l=")
  const firstMisread = misread ? null : FIRST_NUMBER_MISREAD.exec(line.text);
  const afterTimeLine = i > 0 && TIME_LINE.test(lines[i - 1]!.text);
  const capitals = afterTimeLine ? NUMBER_READ_AS_CAPITALS.exec(line.text) : null;
  const afterTime = afterTimeLine && (/^\p{Lu}\p{Ll}/u.test(line.text) || !!capitals);
  if (!misread && !firstMisread && !afterTime) return line; // most lines: no neighbours looked for
  const before = neighbourNumber(lines, i, -1);
  const after = neighbourNumber(lines, i, 1);
  const m = misread ?? (before === 0 && after === 2 ? firstMisread : capitals);
  const lost = !m && afterTime;
  if (!m && !lost) return line;
  // between its neighbours ("2." … "4."), or a part's last item read as its number without the stop ("9 Thực hiện …" after "8.")
  const last = after === null && before !== null && m?.[1] === String(before + 1);
  if (before === null || (after !== before + 2 && !last)) return line;
  return { ...line, text: `${before + 1}. ${line.text.slice(m ? m[0].length : 0)}` };
}

/**
 * The number of the nearest item before (step -1) or after (step 1), within the same run (a part's heading ends
 * the run): 0 before the first item of a part, so a part's first item misread ("l Tiếp tục …" before "2.") is its "1.".
 */
function neighbourNumber(lines: Line[], at: number, step: 1 | -1): number | null {
  for (let i = at + step; i >= 0 && i < lines.length && Math.abs(i - at) <= 80; i += step) {
    const m = NUMBERED.exec(lines[i]!.text);
    if (m) return Number(m[1]);
    if (PART_HEADING.test(lines[i]!.text)) return step === -1 ? 0 : null;
  }
  return null;
}

/**
 * A sub-item whose number a scan misread ("20giL Công khai …" between "2. Thực hiện dân chủ" and "2.2."):
 * the next number of its group, when the item before is of that group (its "2.2.", or the group's own
 * "2." with its "2.2." after). Null when the line is not one.
 */
function subItemNumber(lines: Line[], at: number): string | null {
  const m = MISREAD_SUB_ITEM.exec(lines[at]!.text);
  if (!m) return null;
  const group = Number(m[1]);
  const rest = lines[at]!.text.slice(m[0].length);
  for (let i = at - 1; i >= 0 && at - i <= 40; i--) {
    const text = lines[i]!.text;
    const subMatch = SUB_NUMBERED.exec(text);
    const sub = subMatch ? subMatch[1]!.split('.').map(Number) : null;
    if (sub) return sub.length === 2 && sub[0] === group ? `${group}.${sub[1]! + 1}. ${rest}` : null;
    const item = NUMBERED.exec(text);
    if (item) {
      const second = new RegExp(`^${group}\\.2\\.?\\s`);
      const secondFollows = lines.slice(at + 1, at + 41).some((l) => second.test(l.text));
      return Number(item[1]) === group && secondFollows ? `${group}.1. ${rest}` : null;
    }
    if (PART_HEADING.test(text)) return null;
  }
  return null;
}

const LETTERED = /^([a-zđ])\)\s/u;
/** What a lost item letter may have been read as: a mark or two, no dash or bullet, or a digit with the letter's bracket ("2)"), before a capitalised sentence. */
const LETTER_MISREAD = /^(?:[^\s\-–+•*\d]{1,2}|\d\))\s+(?=["“]?\p{Lu}\p{Ll})/u;

/**
 * A lettered item whose letter a scan misread ("Ð Kiểm tra …" right after "e)"'s time line): the letter after
 * the item before, when the item after (if any) is the one after that. Letters go a, b, c, d, e, f … or, in a
 * plan that writes "đ)", a, b, c, d, đ, e, g … Null when the line is not one.
 */
function itemLetter(lines: Line[], at: number): string | null {
  const m = LETTER_MISREAD.exec(lines[at]!.text);
  if (!m || at === 0 || !TIME_LINE.test(lines[at - 1]!.text)) return null;
  const letterNear = (step: 1 | -1) => {
    for (let i = at + step; i >= 0 && i < lines.length && Math.abs(i - at) <= 40; i += step) {
      const text = lines[i]!.text;
      const item = LETTERED.exec(text);
      if (item) return item[1]!;
      if (NUMBERED.test(text) || PART_HEADING.test(text)) return null;
    }
    return null;
  };
  const before = letterNear(-1);
  if (!before) return null;
  const letters = lines.some((l) => /^đ\)\s/u.test(l.text)) ? 'abcdđeghiklmn' : 'abcdefghijklmn';
  const at1 = letters.indexOf(before);
  const after = letterNear(1);
  if (at1 < 0 || !letters[at1 + 1] || (after !== null && after !== letters[at1 + 2])) return null;
  return `${letters[at1 + 1]}) ${lines[at]!.text.slice(m[0].length)}`;
}

/** "- Chủ trì; Văn phòng …" → "- Chủ trì: Văn phòng …", when the words before the semicolon are a label exactly. */
function labelColon(text: string): string {
  const m = LABEL_BEFORE_SEMICOLON.exec(text);
  if (!m) return text;
  const label = matchLabel(`${m[2]}: x`);
  return label && !label.approximate ? `${m[1]}${m[2]}: ${text.slice(m[0].length)}` : text;
}

const digits = (read: string) => read.replace(/[lI|]/g, '1').replace(/O/g, '0');
