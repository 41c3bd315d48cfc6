/**
 * A page's number standing alone on its line, as plans print it: "3", "- 3 -" (Nghị định 30), "– 3 –",
 * "Trang 3", "3/10". The readers leave it out of a task table; the parser leaves it out of the text.
 */
const PAGE_NUMBER = /^(?:[-–]\s*)?(?:trang\s+)?\d{1,3}(?:\s*[-–])?(?:\s*\/\s*\d{1,3})?$/i;

export function isPageNumber(line: string): boolean {
  const text = line.trim();
  if (!PAGE_NUMBER.test(text)) return false;
  // "3/10" is page 3 of 10; "27/7" (a date a cell wrapped onto a line of its own) is no page
  const of = /(\d{1,3})\s*\/\s*(\d{1,3})$/.exec(text);
  return !of || Number(of[1]) <= Number(of[2]);
}
