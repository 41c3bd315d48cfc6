import { fold, sameWords } from './fuzzy';
import { BULLET, isUpperLine, type Block } from './paragraphs';

export interface Signature {
  recipients: string[];
  signerAuthority: string | null;
  signerTitle: string | null;
  signerName: string | null;
  lines: Record<string, number>;
}

const AUTHORITY = /^(kt|tm|tl|tuq|q)\s*\./;
const NAME = /^(\p{Lu}[\p{Ll}]*)(\s+\p{Lu}[\p{Ll}]*){1,5}$/u;
/** "Võ Văn Tâm 1 Luật Thực hiện dân chủ …": a name, then a footnote's number and its text. */
const NAME_THEN_FOOTNOTE = /^((?:\p{Lu}[\p{Ll}]*)(?:\s+\p{Lu}[\p{Ll}]*){1,5})\s+\d{1,2}\s+\p{Lu}/u;
/** "Nguyễn Thị Hoa Tệp đính kèm: …", "Phan Đức Thịnh Văn bản này chưa cập nhật …": a name, then what a web page prints under the document. */
const NAME_THEN_PAGE = /^((?:\p{Lu}[\p{Ll}]*)(?:\s+\p{Lu}[\p{Ll}]*){1,4})\s+(?:\p{Lu}[\p{Ll}]*(?:\s+\p{Ll}+){0,3}\s*:|(?:Văn bản (?:này|liên quan|gốc)|Tải về|Lược đồ|Thuộc tính|Tóm tắt|Lưu trữ|Ghi chú|Ý kiến|Chia sẻ|Bản in|Facebook|Email)(?!\p{L}))/u;

/** "\\ XÃ / Giàng Seo Phủ": a scan reads the seal's letters and rim before the name under it. */
const NAME_AFTER_SEAL = /[\\/|()⁄]\s*((?:\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}*){1,4})$/u;

/** "Vũ Đức Hiển co U", "Vũ Đức Hiển ì": a scan reads the seal's rim or a speck beside the name as a few short marks. */
const NAME_THEN_SPECKS = /^((?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){1,4})(?:\s+\S{1,2}){1,3}$/u;

const NAME_AFTER_RECIPIENT = /;\s+((?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){1,4})$/u;

/** "Nơi nhận:" and its lines, the signer's authority and title in capitals, and the name under them. */
export function readSignature(blocks: Block[]): Signature {
  const sig: Signature = { recipients: [], signerAuthority: null, signerTitle: null, signerName: null, lines: {} };
  const titles: string[] = [];
  for (const block of blocks) {
    // "(Đã ký)" and the name under it, joined into one paragraph when the page had no blank line between them
    const text = block.text.trim().replace(/^\((?:đã ký|Đã ký|ĐÃ KÝ)(?: và đóng dấu)?\)\s+(?=\p{Lu})/u, '');
    const folded = fold(text);
    if (isRecipientsLabel(text)) {
      const rest = text.replace(/^[^:]*:\s*/, '');
      if (rest && rest !== text) sig.recipients.push(...recipientLines(rest));
      sig.lines.recipients = block.line;
      continue;
    }
    if (BULLET.test(text)) {
      // a PDF read row by row puts the name beside a recipient into that recipient's paragraph ("- UBND các xã; Đinh Văn Tuấn")
      const beside = NAME_AFTER_RECIPIENT.exec(text);
      sig.recipients.push(...recipientLines(beside ? text.slice(0, beside.index + 1) : text));
      if (beside && !sig.signerName) {
        sig.signerName = beside[1]!;
        sig.lines.signerName = block.line;
      }
      continue;
    }
    if (/^\(?(da ky|ky ten|ky, ghi ro ho ten|ky ghi ro ho ten)/.test(folded)) continue;
    if (isUpperLine(text) || AUTHORITY.test(folded)) {
      if (!sig.signerName) {
        titles.push(text);
        sig.lines.signerTitle ??= block.line;
      }
      continue;
    }
    // a scan's last page: the footnotes under the signature, with no rule above them, join the name's line
    // …and a speck after the name ("Lê Quang Minh .")
    // …and "l", "o" read as digits inside the name ("Y Thuyên M1ô"): no name has a digit between letters
    // …and a lone letter after it, the seal's rim ("Đỗ Mạnh Hùng P", "Vừ A Bằng Ể"): no given name is one letter
    const line = text
      .replace(/\s+[.,:;'`´‘’]+$/u, '')
      .replace(/^(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*\s+\p{Lu}\p{Ll}+)\s+\p{Lu}$/u, '$1')
      .replace(/(?<=\p{L})1(?=\p{L}|$)/gu, 'l')
      .replace(/(?<=\p{L})0(?=\p{L})/gu, 'o');
    const name = NAME.test(line) ? line : (NAME_THEN_FOOTNOTE.exec(line) ?? NAME_THEN_PAGE.exec(line) ?? NAME_AFTER_SEAL.exec(line) ?? NAME_THEN_SPECKS.exec(line))?.[1];
    if (name && name.length <= 50) {
      sig.signerName = name;
      sig.lines.signerName = block.line;
    }
  }
  if (titles.length) {
    // "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH": the authority is every leading line with a prefix, one line each
    const lines = titles.slice(0, -1);
    const count = lines.findIndex((t) => !AUTHORITY.test(fold(t)));
    const authority = titles.slice(0, count === -1 ? lines.length : count);
    sig.signerAuthority = authority.length ? authority.join('\n') : null;
    sig.signerTitle = titles.join(' ');
  }
  return sig;
}

/** "Nơi nhận:", also as a scan reads it ("Ndi nhdn:"). */
export function isRecipientsLabel(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length >= 2 && sameWords(fold(words.slice(0, 2).join(' ')), 'noi nhan') && (words.length === 2 || /:/.test(words[1]!) || /^[-–]/.test(words[2]!));
}

function recipientLines(text: string): string[] {
  return text
    .split(/\s+-\s+(?=\p{Lu})|^[-–+•]\s*/u)
    .map((r) => r.replace(/[;.,\s]+$/, '').trim())
    .filter(Boolean);
}
