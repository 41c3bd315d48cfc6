/** "Báo cáo 6 tháng" → "báo cáo 6 tháng": a label or a title carried into the middle of a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
