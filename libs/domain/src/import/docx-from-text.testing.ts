import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/**
 * Rebuilds a fixture as the Word document it was extracted from: tab lines become rows of one table (a blank
 * line between rows is a page break, not a new table), other paragraphs keep their line breaks. A row with
 * text in its first cell only becomes one merged cell (`gridSpan`), as Word stores section headings.
 */
export async function docxFromText(text: string): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [];
  let rows: TableRow[] = [];
  let paragraph: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length > 0) children.push(textParagraph(paragraph));
    paragraph = [];
  };
  const flushTable = () => {
    if (rows.length > 0) children.push(new Table({ rows }));
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      flushParagraph();
      rows.push(tableRow(line.split('\t')));
    } else if (line.trim() === '') flushParagraph();
    else {
      flushTable();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushTable();
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

function textParagraph(lines: string[]): Paragraph {
  return new Paragraph({ children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })) });
}

function tableRow(cells: string[]): TableRow {
  const merged = cells[0] !== '' && cells.slice(1).every((cell) => cell.trim() === '');
  if (merged) return new TableRow({ children: [new TableCell({ columnSpan: cells.length, children: [new Paragraph(cells[0])] })] });
  return new TableRow({ children: cells.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) });
}
