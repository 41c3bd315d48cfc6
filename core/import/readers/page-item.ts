/** A piece of text on a page: from a PDF's text layer (points) or a word read by OCR (pixels). */
export interface Item {
  str: string;
  /** Left edge. */
  x: number;
  /** Baseline, growing up the page (PDF space): the top line has the largest y. */
  y: number;
  width: number;
  /** Letter size, the unit every gap is measured in. */
  size: number;
}
