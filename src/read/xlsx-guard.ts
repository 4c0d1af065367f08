// Checks a workbook's unpacked and declared sizes from its zip directory before exceljs reads it whole.
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { InputError } from '../core/errors.js';

/**
 * Excel's own sheet limits; a real export is far below them. A sheet declaring more, or a row numbered past
 * them, is not a spreadsheet Excel wrote, and exceljs would take minutes and all the memory to walk it.
 */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;
/** Cells a sheet may declare (rows × columns of its `<dimension>`): about 3 million rows of 15 columns. */
export const MAX_SHEET_CELLS = 50_000_000;
/** One worksheet's XML, unpacked: about V8's longest string, so more could not be handled as one. */
export const MAX_SHEET_UNPACKED_BYTES = 512 * 1024 * 1024;
/** The whole workbook unpacked: exceljs holds every cell as an object, several times the XML's size in memory. */
export const MAX_WORKBOOK_UNPACKED_BYTES = 1024 * 1024 * 1024;

/** How much of a sheet's XML is unpacked to find its `<dimension>`, which comes before the rows. */
const DIMENSION_SEARCH_BYTES = 64 * 1024;
/** The workbook part and its relationships are read whole to name the sheets: they list sheets, not cells. */
const MAX_INDEX_PART_BYTES = 16 * 1024 * 1024;

const WORKBOOK_EXPECTED = 'an .xlsx workbook (Excel 2007 or later), one sheet per table';

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** `1 GiB`, `512 MiB`, or bytes: the limits are whole MiB, the sizes found are not. */
function bytesName(bytes: number): string {
  const mib = 1024 * 1024;
  if (bytes >= 1024 * mib && bytes % (1024 * mib) === 0) return `${bytes / (1024 * mib)} GiB`;
  if (bytes % mib === 0) return `${bytes / mib} MiB`;
  return `${bytes.toLocaleString('en-GB')} bytes`;
}

const count = (value: number) => value.toLocaleString('en-GB');

/** A column's letters as its number: A is 1, XFD is 16,384. */
function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

/** A `<dimension ref>` (`A1:XFD1048576`, or one cell `A1`) as its rows and columns, if it is one. */
export function dimensionSize(ref: string): { rows: number; columns: number } | undefined {
  const match = /^\$?([A-Za-z]{1,7})\$?(\d{1,15})(?::\$?([A-Za-z]{1,7})\$?(\d{1,15}))?$/.exec(ref.trim());
  if (!match) return undefined;
  const [, firstColumn = 'A', firstRow = '1', lastColumn = firstColumn, lastRow = firstRow] = match;
  const rows = Math.abs(Number(lastRow) - Number(firstRow)) + 1;
  const columns = Math.abs(columnNumber(lastColumn) - columnNumber(firstColumn)) + 1;
  return { rows, columns };
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * The zip's central directory. Only its entries' sizes are needed, so it is read by hand rather than by
 * loading the whole archive; a size that does not fit 32 bits is taken from the ZIP64 extra field.
 */
async function zipEntries(handle: FileHandle, size: number, fail: (message: string) => never): Promise<ZipEntry[]> {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const tailLength = Math.min(size, 22 + 65_535);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end === -1) fail('cannot read the workbook: it is not a zip file');
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directoryOffset + directorySize > size) fail('cannot read the workbook: its zip directory lies past the end of the file');
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 46 <= directory.length && directory.readUInt32LE(at) === 0x02014b50) {
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    let compressedSize = directory.readUInt32LE(at + 20);
    let uncompressedSize = directory.readUInt32LE(at + 24);
    let localHeaderOffset = directory.readUInt32LE(at + 42);
    // ZIP64: the fields set to 0xFFFFFFFF follow in the extra field, uncompressed size first.
    const extraStart = at + 46 + nameLength;
    for (let field = extraStart; field + 4 <= extraStart + extraLength; ) {
      const id = directory.readUInt16LE(field);
      const length = directory.readUInt16LE(field + 2);
      if (id === 0x0001) {
        let value = field + 4;
        const next = () => {
          const read = value + 8 <= field + 4 + length ? Number(directory.readBigUInt64LE(value)) : Number.MAX_SAFE_INTEGER;
          value += 8;
          return read;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      field += 4 + length;
    }
    entries.push({ name, method: directory.readUInt16LE(at + 10), compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Unpacks an entry's first `limit` bytes at most (the whole entry when it is smaller), never more. */
async function unpackStart(handle: FileHandle, entry: ZipEntry, limit: number): Promise<Buffer> {
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) return Buffer.alloc(0);
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  // Deflate never grows data by more than a few bytes per 16 KiB block, so this much packed data holds `limit`
  // unpacked bytes if the entry has them; unpacking stops there, however far the rest would unpack.
  const packedLength = Math.min(entry.compressedSize, limit + 1024 + Math.ceil(limit / 1024));
  const packed = await readAt(handle, dataStart, packedLength);
  if (entry.method === 0) return packed.subarray(0, limit);
  if (entry.method !== 8) return Buffer.alloc(0);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const inflate = createInflateRaw();
    const done = () => {
      inflate.removeAllListeners('data');
      inflate.destroy();
      resolve(Buffer.concat(chunks).subarray(0, limit));
    };
    inflate.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= limit) done();
    });
    // A truncated stream (only the start was read) ends in an error: what was unpacked so far is kept.
    inflate.on('error', done);
    inflate.on('end', done);
    inflate.end(packed);
  });
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const xmlText = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return XML_ENTITIES[name] ?? whole;
  });

const attribute = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return match ? xmlText(match[2] ?? match[3] ?? '') : undefined;
};

/** The sheets' names by their part's path in the zip (`xl/worksheets/sheet1.xml` → `visits`). */
async function sheetNames(handle: FileHandle, entries: ReadonlyMap<string, ZipEntry>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const workbook = entries.get('xl/workbook.xml');
  const relations = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !relations) return names;
  const workbookXml = (await unpackStart(handle, workbook, MAX_INDEX_PART_BYTES)).toString('utf8');
  const relationsXml = (await unpackStart(handle, relations, MAX_INDEX_PART_BYTES)).toString('utf8');
  const targets = new Map<string, string>();
  for (const [tag] of relationsXml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id === undefined || target === undefined) continue;
    targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const [tag] of workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const id = attribute(tag, '(?:\\w+:)?id');
    const target = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && target !== undefined) names.set(target, name);
  }
  return names;
}

/**
 * Refuses, before exceljs unpacks it, a workbook too large to read: the whole unpacked size, each worksheet's
 * unpacked size, and each worksheet's declared range (`<dimension ref>`) against the limits above. The sizes
 * are those the zip's directory states; exceljs's zip reader stops on an entry that unpacks to another size.
 */
export async function guardWorkbook(file: string): Promise<void> {
  const fail = (message: string, where = file): never => {
    throw new InputError(message, { file: where }, WORKBOOK_EXPECTED);
  };
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const entries = await zipEntries(handle, size, fail);
    const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (total > MAX_WORKBOOK_UNPACKED_BYTES) {
      fail(`the workbook unpacks to ${bytesName(total)}, more than the limit of ${bytesName(MAX_WORKBOOK_UNPACKED_BYTES)}`);
    }
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    const names = await sheetNames(handle, byName);
    for (const entry of entries) {
      if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) continue;
      const where = `${file}#${names.get(entry.name) ?? entry.name}`;
      if (entry.uncompressedSize > MAX_SHEET_UNPACKED_BYTES) {
        fail(`the sheet unpacks to ${bytesName(entry.uncompressedSize)}, more than the limit of ${bytesName(MAX_SHEET_UNPACKED_BYTES)}`, where);
      }
      const start = (await unpackStart(handle, entry, DIMENSION_SEARCH_BYTES)).toString('utf8');
      // Only the sheet's own range: it comes before the rows, so a `<dimension` inside a cell is never taken.
      const head = start.split(/<(?:\w+:)?sheetData[\s>/]/)[0] ?? '';
      const tag = /<(?:\w+:)?dimension\s[^>]*>/.exec(head)?.[0];
      const ref = tag === undefined ? undefined : attribute(tag, 'ref');
      const declared = ref === undefined ? undefined : dimensionSize(ref);
      if (!declared) continue;
      if (declared.rows > MAX_SHEET_ROWS) {
        fail(`the sheet declares ${count(declared.rows)} rows (${ref}), more than the limit of ${count(MAX_SHEET_ROWS)}`, where);
      }
      if (declared.columns > MAX_SHEET_COLUMNS) {
        fail(`the sheet declares ${count(declared.columns)} columns (${ref}), more than the limit of ${count(MAX_SHEET_COLUMNS)}`, where);
      }
      const cells = declared.rows * declared.columns;
      if (cells > MAX_SHEET_CELLS) {
        fail(`the sheet declares ${count(cells)} cells (${ref}: ${count(declared.rows)} rows × ${count(declared.columns)} columns), more than the limit of ${count(MAX_SHEET_CELLS)}`, where);
      }
    }
  } finally {
    await handle.close();
  }
}
