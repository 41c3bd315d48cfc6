/**
 * A page's number standing alone on its line, as plans print it: "3", "- 3 -" (Nghị định 30), "– 3 –",
 * "Trang 3", "3/10". The readers leave it out of a task table; the parser leaves it out of the text.
 */
const PAGE_NUMBER = /^(?:[-–]\s*)?(?:trang\s+)?\d{1,3}(?:\s*[-–])?(?:\s*\/\s*\d{1,3})?$/i;

export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.test(line.trim());
}
