import { fold } from './fuzzy';
import type { Block } from './paragraphs';

/**
 * The plan's bases ("Căn cứ Luật …;", "Căn cứ Kế hoạch số …;"), each a paragraph of its own at the top of the
 * preamble: the plan prints them in italics. A "Căn cứ …" sentence that goes on to "… ban hành Kế hoạch …"
 * is the preamble itself and stays there.
 */
export function splitBases(blocks: Block[]): { bases: string[]; rest: Block[] } {
  const bases: string[] = [];
  let i = 0;
  for (; i < blocks.length; i++) {
    const folded = fold(blocks[i]!.text);
    if (!/^can cu\b/.test(folded) || /\bban hanh (?:ke hoach|kh)\b/.test(folded)) break;
    // "Căn cứ A; căn cứ B;" run together in one paragraph: one basis each
    for (const basis of blocks[i]!.text.split(/;\s*(?=[Cc][ăa]n\s+[Cc][ứu]\s)/u)) {
      const text = basis.replace(/[\s;.,]+$/, '');
      if (text) bases.push(text);
    }
  }
  return { bases, rest: blocks.slice(i) };
}
