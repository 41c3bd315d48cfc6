import { fold } from './fuzzy';

/**
 * Splits "Lãnh đạo Văn phòng, Phòng Khoa giáo - Văn xã, Phòng Nội chính và các phòng, ban, đơn vị trực thuộc"
 * into one name per unit or group, as written. A group keeps its inner commas
 * ("Các cơ quan, đơn vị, các thôn"); notes in brackets are returned apart.
 */
export function splitUnits(raw: string): { name: string; note: string }[] {
  // a footnote's mark after a unit ("các cơ quan liên quan[^4]") belongs to the sentence, not to the unit's name
  const text = raw.replace(/\[\^\d+\]/g, '').replace(/[.;,\s]+$/, '').trim();
  if (!text) return [];
  const out: { name: string; note: string }[] = [];
  for (const part of splitTopLevel(text, /;/)) {
    for (const piece of splitOnAnd(part)) {
      for (const name of mergeCommaPieces(splitTopLevel(piece, /,/))) {
        const { bare, note } = takeNote(name);
        if (bare) out.push({ name: bare, note });
      }
    }
  }
  return out;
}

/** Splits on a separator outside brackets. */
function splitTopLevel(text: string, sep: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth += 1;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && sep.test(c)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Words that begin the name of a unit, a post or a group. */
export const UNIT_HEADS =
  /^(cac|phong|van phong|vp|ban|bch|trung tam|so|ubnd|ub|ubmttq|mttq|uy ban|hdnd|hoi dong|lanh dao|chanh|pho chanh|truong|pho truong|chu tich|pho chu tich|giam doc|pho giam doc|thu truong|nguoi dung dau|bi thu|pho bi thu|cong doan|doan|chi doan|hoi|chi hoi|lien doan|chi bo|dang uy|thuong truc|mat tran|cong an|quan su|bo chi huy|thon|to dan pho|khu pho|xa|phuong|tinh|cong chuc|can bo|vien chuc|bo phan|to|nhom|kho bac|chi cuc|cuc|tong cuc|bo|ngan hang|buu dien|benh vien|tram|dai|don|nha|vuon quoc gia|hiep hoi|lien hiep|thanh tra|hop tac xa|doanh nghiep|co quan|don vi|cong ty|tong cong ty)\b/;

const COUNCIL_PAIR = /\b(hdnd|hoi dong nhan dan)\s+va\s+(ubnd|uy ban nhan dan)\b/;

/** Who "các …" may be after "và" for it to name units or people ("và các thôn", "và các hộ kinh doanh"), not places ("và các bãi biển du lịch"). */
const MEMBERS = /^(?:ho|nguoi|ap|lang|ban|buon|khu|khoi|khoa|co so|to chuc|doan the|dia phuong|nganh|thanh vien|doan vien|hoi vien|truong|hoc sinh|chi nhanh|tap the)\b/;

/** Whether a piece after "và" starts a name of its own ("Bổ trợ tư pháp", "Nhà ở", "tổ chức phi chính phủ" end a name: "Phòng Hành chính tư pháp và Bổ trợ tư pháp"). */
function startsName(piece: string): boolean {
  const folded = fold(piece);
  if (/^nha o\b/.test(folded) || (/^bo\b/.test(folded) && !/^Bộ\s/u.test(piece)) || /^tổ chức\b/u.test(piece)) return false;
  const members = /^cac\s+(.*)$/.exec(folded);
  return members ? UNIT_HEADS.test(members[1]!) || MEMBERS.test(members[1]!) : UNIT_HEADS.test(folded);
}

/**
 * "và" joins two names only when what follows is itself a name ("Văn phòng HĐND và UBND xã" stays one, and so does
 * "Ban Quản lý bán đảo Sơn Trà và các bãi biển du lịch Đà Nẵng").
 */
function splitOnAnd(text: string): string[] {
  const pieces = text.split(/\s+(?:và|va)\s+/);
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last !== undefined && (!startsName(piece) || COUNCIL_PAIR.test(fold(`${last} và ${piece}`)))) out[out.length - 1] = `${last} và ${piece}`;
    else out.push(piece);
  }
  return out;
}

/** Words that close a group's list of members: "… thuộc UBND phường", "… cấp tỉnh", "… trên địa bàn", "… liên quan". */
const GROUP_QUALIFIED = /\b(?:thuoc|cap (?:tinh|xa|huyen)|tren dia ban|lien quan)\b/;

/**
 * "Các cơ quan", "đơn vị", "các thôn" are one group: a piece that does not start a name, or a
 * "các …" after another "các …", continues the group before it, until the group is qualified ("Các phòng, đơn
 * vị thuộc UBND phường, các khu phố" is two).
 */
function mergeCommaPieces(pieces: string[]): string[] {
  const out: string[] = [];
  let groupOpen = false;
  for (const piece of pieces) {
    const f = fold(piece);
    const isGroup = /^cac\b/.test(f);
    // "Sở Văn hóa, Thể thao và Du lịch": a capitalised piece is a new name only when it starts like one.
    // ("Báo và Phát thanh, Truyền hình …", the province's press, told from "Bảo vệ …" by its mark)
    const startsName = /^\p{Lu}/u.test(piece) ? UNIT_HEADS.test(f) || /^Báo(?!\p{L})/u.test(piece) : isGroup;
    if (out.length && (!startsName || (isGroup && groupOpen))) {
      out[out.length - 1] = `${out[out.length - 1]}, ${piece}`;
      if (GROUP_QUALIFIED.test(f)) groupOpen = false;
      continue;
    }
    out.push(piece);
    groupOpen = isGroup && !GROUP_QUALIFIED.test(f);
  }
  return out;
}

function takeNote(name: string): { bare: string; note: string } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(name);
  if (m && m[1]) return { bare: clean(m[1]), note: m[2]!.trim() };
  return { bare: clean(name), note: '' };
}

function clean(name: string): string {
  return name.replace(/\s+/g, ' ').replace(/^[-–:\s]+|[.;:,\s]+$/g, '').trim();
}
