import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

/**
 * A plan's text as Word holds it when a clerk pastes or retypes it: a paragraph a line, consecutive lines
 * with tabs (the header's two columns, a task table's rows, the signature beside the recipients) as one table.
 */
export function textDocx(text: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let rows: TableRow[] = [];
  const flush = () => {
    if (rows.length) children.push(new Table({ rows }));
    rows = [];
  };
  for (const line of text.replace(/\f/g, '\n').split('\n')) {
    if (line.includes('\t')) {
      rows.push(new TableRow({ children: line.split('\t').map((cell) => new TableCell({ children: [new Paragraph(cell.trim())] })) }));
      continue;
    }
    flush();
    children.push(new Paragraph(line.trim()));
  }
  flush();
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
