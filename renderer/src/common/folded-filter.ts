import { foldVietnamese } from '../../../shared/text/fold';

/** Select search that finds "Bình Chương" when the clerk types "binh chuong". */
export function foldedOptionFilter(input: string, option?: { label?: unknown }): boolean {
  return foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input));
}

export function matchesFolded(query: string, ...texts: string[]): boolean {
  const q = foldVietnamese(query);
  return !q || texts.some((t) => foldVietnamese(t).includes(q));
}
