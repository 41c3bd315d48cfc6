import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { formatPlaceAndDate } from '../../shared/dates/vn-date';
import { signerLines } from '../../shared/plans/signer-blocks';

/**
 * The official document format of Nghị định 30/2020/NĐ-CP, Phụ lục I, in one place: A4 portrait,
 * margins 20/20/30/15 mm, Times New Roman, the header and signature tables, page numbers from page 2.
 * Plans, reports and reminders all build their documents from these pieces.
 */
export const FONT = 'Times New Roman';
/** Millimetres to twips, rounded (docx's own helper truncates 20 mm to 1133). */
const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
export const PAGE = { width: 11906, height: 16838 };
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 };
const TEXT_WIDTH = PAGE.width - convertMillimetersToTwip(MARGIN_MM.left) - convertMillimetersToTwip(MARGIN_MM.right);
const HEADER_LEFT = Math.round(TEXT_WIDTH * 0.38);
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const pt = (size: number) => size * 2; // docx sizes are half-points
const BODY_SIZE = 14;
const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

/**
 * A run of text. Body text (no size given) takes font and size from the document defaults
 * (officialDocument) instead of repeating them on every run: a 150-commune report has thousands of runs.
 */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, ...(style.size === undefined ? {} : { font: FONT, size: pt(style.size) }), bold: style.bold, italics: style.italics });
}

/** Text with footnote markers written as [^1], turned into runs and footnote references. */
export function runsWithFootnotes(text: string, style: RunStyle = {}): ParagraphChild[] {
  const parts = text.split(/\[\^(\d{1,2})\]/);
  return parts.map((part, i) => (i % 2 === 1 ? new FootnoteReferenceRun(Number(part)) : run(part, style)));
}

/** A body paragraph: justified, first-line indent 1.27 cm, 6 pt after, single line spacing. */
export function bodyParagraph(children: ParagraphChild[] | string, options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(12.7) },
    spacing: { after: 120, line: 276 },
    children: typeof children === 'string' ? runsWithFootnotes(children) : children,
    ...options,
  });
}

export function centered(children: ParagraphChild[], options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children, ...options });
}

/**
 * A short solid line under a centred text: an empty, nearly zero-height paragraph whose bottom border
 * runs between wide indents (the text above keeps the full cell width).
 */
function shortLine(width: number, lineTwips: number): Paragraph {
  const indent = Math.max(0, Math.round((width - lineTwips) / 2));
  return new Paragraph({
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: { left: indent, right: indent },
    spacing: { before: 0, after: 0, line: 40, lineRule: 'exact' },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

const cell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });

export interface HeaderInfo {
  issuerParent: string;
  issuerName: string;
  /** "Số: 05/KH-UBND" */
  numberLine: string;
  place: string;
  issueDate: string | null;
  /** The year a blank date line prints ("ngày      tháng      năm 2026"): the document's own period, never today's year. */
  year: number;
  /** A công văn's trích yếu ("V/v đôn đốc …"): under "Số" in the left cell, centred, 12 pt. */
  subject?: string;
}

/** Quốc hiệu, tiêu ngữ, issuer and number, place and date: a borderless two-column table. */
export function headerTable(info: HeaderInfo): Table {
  const left: Paragraph[] = [];
  if (info.issuerParent) left.push(centered([run(info.issuerParent.toUpperCase(), { size: 13 })]));
  left.push(centered([run(info.issuerName.toUpperCase(), { size: 13, bold: true })]), shortLine(HEADER_LEFT, 1300));
  const right = [
    centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true })]),
    centered([run('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true })]),
    shortLine(HEADER_RIGHT, 3250),
  ];
  const dateText = info.issueDate ? formatPlaceAndDate(info.place, info.issueDate) : `${info.place}, ngày      tháng      năm ${info.year}`;
  const numberCell = [centered([run(info.numberLine, { size: 13 })], { spacing: { before: 120 } }), ...(info.subject ? [centered([run(info.subject, { size: 12 })], { spacing: { before: 60 } })] : [])];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [HEADER_LEFT, HEADER_RIGHT],
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [cell(HEADER_LEFT, left), cell(HEADER_RIGHT, right)] }),
      new TableRow({
        children: [
          cell(HEADER_LEFT, numberCell),
          cell(HEADER_RIGHT, [centered([run(dateText, { size: 14, italics: true })], { spacing: { before: 120 } })]),
        ],
      }),
    ],
  });
}

/** "KẾ HOẠCH" and the subject, with the short line under it. */
export function documentTitle(type: string, subject: string[]): Paragraph[] {
  return [
    centered([run(type.toUpperCase(), { bold: true })], { spacing: { before: 360 } }),
    ...subject.map((line) => centered([run(line, { bold: true })], { keepNext: true })),
    shortLine(TEXT_WIDTH, 1800),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

export interface SignatureInfo {
  recipients: string[];
  authority: string;
  title: string;
  name: string;
}

/** Nơi nhận on the left, the signer's authority, title, space for signature and seal, and name on the right. */
export function signatureTable(info: SignatureInfo): Table {
  const recipients = info.recipients.map((r, i) => {
    const clean = r.replace(/^[-\s]+/, '').replace(/[;.]+$/, '');
    return new Paragraph({ children: [run(`- ${clean}${i === info.recipients.length - 1 ? '.' : ';'}`, { size: 11 })] });
  });
  const signer = [
    // "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH": each line of the authority, then the title
    ...signerLines(info.authority, info.title).map((line) => centered([run(line, { bold: true })])),
    ...Array.from({ length: 4 }, () => new Paragraph({ children: [run('')] })),
    centered([run(info.name, { bold: true })]),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [HEADER_LEFT, HEADER_RIGHT],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(HEADER_LEFT, [new Paragraph({ children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })] }), ...recipients]),
          cell(HEADER_RIGHT, signer),
        ],
      }),
    ],
  });
}

const GRID = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID_BORDERS = { top: GRID, bottom: GRID, left: GRID, right: GRID, insideHorizontal: GRID, insideVertical: GRID };

/**
 * A ruled table of figures (an annex): a bold header row repeated on each page, 11 pt text, numbers right-aligned.
 * `widths` are shares of the text width; columns listed in `numeric` are right-aligned.
 */
export function figureTable(headers: string[], rows: (string | number)[][], widths: number[], numeric: number[] = []): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const gridCell = (value: string | number, i: number, header: boolean) =>
    new TableCell({
      width: { size: twips[i]!, type: WidthType.DXA },
      margins: { left: 60, right: 60 },
      children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : numeric.includes(i) ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(String(value), { size: 11, bold: header })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: twips,
    borders: GRID_BORDERS,
    rows: [new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => gridCell(h, i, true)) }), ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => gridCell(v, i, false)) }))],
  });
}

/** Assembles the document: page setup, default font, page numbers centred at the top from page 2. */
export function officialDocument(children: (Paragraph | Table)[], footnotes: Record<number, string> = {}): Document {
  return new Document({
    creator: 'Dân vận',
    styles: { default: { document: { run: { font: FONT, size: pt(BODY_SIZE) } } } },
    footnotes: Object.fromEntries(Object.entries(footnotes).map(([id, text]) => [id, { children: [new Paragraph({ children: [run(text, { size: 10 })] })] }])),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: convertMillimetersToTwip(MARGIN_MM.top),
              bottom: convertMillimetersToTwip(MARGIN_MM.bottom),
              left: convertMillimetersToTwip(MARGIN_MM.left),
              right: convertMillimetersToTwip(MARGIN_MM.right),
            },
          },
        },
        headers: {
          default: new Header({ children: [centered([new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })])] }),
          first: new Header({ children: [] }),
        },
        footers: { default: new Footer({ children: [] }), first: new Footer({ children: [] }) },
        children,
      },
    ],
  });
}
