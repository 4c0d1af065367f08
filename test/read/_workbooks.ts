// Builds hostile workbooks for the guard's tests: a sheet's XML rewritten, or sizes in the zip directory that claim more.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export interface Crafting {
  /** Rewrites the `cases` sheet's XML (xl/worksheets/sheet1.xml). */
  readonly sheet?: (xml: string) => string;
  /** Entry name → the unpacked size its central directory entry then states. */
  readonly declaredSizes?: Readonly<Record<string, number>>;
}

/** A workbook whose one sheet, `cases`, holds a header and one case, crafted as asked. */
export async function craftedWorkbook({ sheet, declaredSizes = {} }: Crafting = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const cases = book.addWorksheet('cases');
  cases.addRow(['case_id', 'status']);
  cases.addRow(['C1', 'open']);
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  const part = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(part)?.async('string');
  if (xml === undefined) throw new Error(`exceljs wrote no ${part}`);
  zip.file(part, sheet ? sheet(xml) : xml);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  // The central directory's entries: signature, then the unpacked size at 24 and the name's length at 28.
  for (let at = 0; at + 46 <= bytes.length; at++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) continue;
    const name = bytes.toString('utf8', at + 46, at + 46 + bytes.readUInt16LE(at + 28));
    const size = declaredSizes[name];
    if (size !== undefined) bytes.writeUInt32LE(size, at + 24);
  }
  return bytes;
}

/** The sheet's `<dimension>` set to another range. */
export const withDimension = (ref: string) => (xml: string) => xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`);

/** A row added after the others, with one cell at `column` (letters) in row `row`. */
export const withCell = (column: string, row: number) => (xml: string) =>
  xml.replace('</sheetData>', `<row r="${row}"><c r="${column}${row}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`);
