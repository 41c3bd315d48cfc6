import type { OfficeLevel } from '../office/office-schemas';
import { foldVietnamese } from '../text/fold';

/**
 * The signature block of a document (Nghị định 30/2020, Phụ lục I): the signer's authority, one line or
 * more ("TM. ỦY BAN NHÂN DÂN", then "KT. CHỦ TỊCH" when a deputy signs for the chairman), the title
 * ("PHÓ CHỦ TỊCH"), the space for signature and seal, the name. `authority` holds its lines separated by
 * line breaks; a single line (as every plan stored before) is a one-line block.
 */
export interface SignerBlock {
  authority: string;
  title: string;
}

/** Which kind of body signs: a people's committee signs on behalf of its collective (TM.), the others in their head's name. */
export type SigningBody = 'ubnd' | 'so' | 'ban' | 'van_phong' | 'phong';

/** The usual blocks of each kind of body, the head signing first, then a deputy signing for the head (KT.). */
export const SIGNER_BLOCKS: Record<SigningBody, readonly SignerBlock[]> = {
  ubnd: [
    { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' },
    { authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
  ],
  so: [
    { authority: '', title: 'GIÁM ĐỐC' },
    { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' },
  ],
  ban: [
    { authority: '', title: 'TRƯỞNG BAN' },
    { authority: 'KT. TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN' },
  ],
  van_phong: [
    { authority: '', title: 'CHÁNH VĂN PHÒNG' },
    { authority: 'KT. CHÁNH VĂN PHÒNG', title: 'PHÓ CHÁNH VĂN PHÒNG' },
  ],
  phong: [
    { authority: '', title: 'TRƯỞNG PHÒNG' },
    { authority: 'KT. TRƯỞNG PHÒNG', title: 'PHÓ TRƯỞNG PHÒNG' },
  ],
};

const BY_LEVEL: Record<OfficeLevel, SigningBody> = { tinh: 'ubnd', xa_phuong: 'ubnd', so_ban_nganh: 'so', phong_don_vi: 'phong' };

/** The kind of body a name says it is ("Sở Nội vụ …", "UBND xã …", "Văn phòng UBND tỉnh"), if it says. */
export function signingBodyOfName(name: string): SigningBody | null {
  const n = foldVietnamese(name).trim();
  if (/^(ubnd|uy ban nhan dan)\b/.test(n)) return 'ubnd';
  if (/^so\b/.test(n)) return 'so';
  if (/^van phong\b/.test(n)) return 'van_phong';
  if (/^ban\b/.test(n)) return 'ban';
  if (/^phong\b/.test(n)) return 'phong';
  return null;
}

/**
 * The blocks an office chooses from, its usual one first: by its name when the name says what it is (a
 * Sở Nội vụ set up at the level "Tỉnh" still signs GIÁM ĐỐC), else by its level.
 */
export function signerBlocksFor(office: { name: string; level: OfficeLevel | null }): readonly SignerBlock[] {
  return SIGNER_BLOCKS[signingBodyOfName(office.name) ?? (office.level ? BY_LEVEL[office.level] : 'ubnd')];
}

/** The lines printed above the signature, in order, in capitals: each line of the authority, then the title. */
export function signerLines(authority: string, title: string): string[] {
  return [authority, title]
    .flatMap((part) => part.split('\n'))
    .map((line) => line.trim().toUpperCase())
    .filter(Boolean);
}

/** "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": a block on one line, as a list shows it. */
export function signerBlockLabel(block: SignerBlock): string {
  return signerLines(block.authority, block.title).join(' / ');
}

/** The block among `blocks` that authority and title are, if any (the clerk may have typed another). */
export function matchingBlock(blocks: readonly SignerBlock[], authority: string, title: string): number {
  const label = signerBlockLabel({ authority, title });
  return blocks.findIndex((b) => signerBlockLabel(b) === label);
}
