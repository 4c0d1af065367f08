// Opens a text input as a stream of checked characters: encoding from the option or the byte-order mark, never mojibake.
import { isAscii, isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import { InputError } from '../core/errors.js';
import { readError } from './files.js';

export const TEXT_ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'windows-1252'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

const NAMES: Readonly<Record<TextEncoding, string>> = {
  utf8: 'UTF-8',
  utf16le: 'UTF-16 LE',
  utf16be: 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

/** How an encoding is named in messages. */
export const encodingName = (encoding: TextEncoding): string => NAMES[encoding];

interface ByteOrderMark {
  readonly encoding: TextEncoding;
  readonly bytes: readonly number[];
}

const BYTE_ORDER_MARKS: readonly ByteOrderMark[] = [
  { encoding: 'utf8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf16be', bytes: [0xfe, 0xff] },
];

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (head: Uint8Array, bytes: readonly number[]) =>
  head.length >= bytes.length && bytes.every((byte, i) => head[i] === byte);

/** What the first bytes of a file say about how to read it. */
export interface TextLayout {
  readonly encoding: TextEncoding;
  /** Bytes of the byte-order mark, skipped before decoding. */
  readonly skip: number;
  /** True when the encoding was read from a byte-order mark or given, not assumed. */
  readonly declared: boolean;
  /** True when Windows-1252 was chosen because the file is not valid UTF-8 (and nothing declared an encoding). */
  readonly detected?: true;
}

const HEAD_BYTES = 64 * 1024;

/** The first bytes of a file (up to 64 KiB), enough to see its byte-order mark and header line. */
export async function readHead(file: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw readError(file, error);
  } finally {
    await handle?.close();
  }
}

const ENCODING_HINT = 'UTF-8 (with or without a byte-order mark), or UTF-16 with a byte-order mark; otherwise give --encoding';

/**
 * The encoding of a file from its first bytes: a byte-order mark decides, and must agree with an encoding
 * given; without one, the encoding given, else UTF-8 (checked as the file is read). A zip file (an Excel
 * workbook under another name) or UTF-16 without a mark (NUL bytes between letters) is refused here,
 * before it can be misread.
 */
export function textLayout(file: string, head: Uint8Array, given: TextEncoding | undefined): TextLayout {
  if (startsWith(head, ZIP_SIGNATURE)) {
    throw new InputError('this is a zip file (an Excel workbook?), not text', { file, line: 1 }, 'a .xlsx file name for a workbook, or a text export');
  }
  const mark = BYTE_ORDER_MARKS.find(({ bytes }) => startsWith(head, bytes));
  if (mark) {
    if (given !== undefined && given !== mark.encoding) {
      throw new InputError(
        `the file starts with a ${encodingName(mark.encoding)} byte-order mark, but --encoding ${given} was given`,
        { file, line: 1 },
        `--encoding ${mark.encoding}, or no --encoding`,
      );
    }
    return { encoding: mark.encoding, skip: mark.bytes.length, declared: true };
  }
  if (given !== undefined) return { encoding: given, skip: 0, declared: true };
  const likely = utf16Pattern(head);
  if (likely !== null) {
    throw new InputError(
      `the file holds NUL bytes: it looks like ${encodingName(likely)} without a byte-order mark`,
      { file, line: 1 },
      `--encoding ${likely}, or a text export in ${ENCODING_HINT}`,
    );
  }
  return { encoding: 'utf8', skip: 0, declared: false };
}

/** How many bytes of `bytes` end on a whole UTF-8 character: a sequence cut at the end waits for the next piece. */
function wholeCharacters(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** Whether `bytes` (not valid UTF-8) still hold a valid multi-byte UTF-8 character: then the file mixes encodings. */
function holdsUtf8Character(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] as number;
    if (lead < 0xc2 || lead > 0xf4) continue;
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    let continued = 1;
    while (continued < length && ((bytes[i + continued] ?? 0) & 0xc0) === 0x80) continued++;
    if (continued === length) return true;
  }
  return false;
}

/**
 * What a file's bytes are: `utf8` (valid UTF-8), `single-byte` (not valid UTF-8 and no UTF-8 character before the
 * first fault: a Windows-1252 export), or `mixed` (UTF-8 characters and bytes that are not: refused at the fault's
 * line as before, since neither reading is right). Read in pieces: a second pass, made only when nothing declares
 * the encoding.
 */
async function utf8Verdict(file: string, head: Buffer): Promise<'utf8' | 'single-byte' | 'mixed'> {
  const whole = head.subarray(0, wholeCharacters(head));
  if (!isUtf8(whole)) return holdsUtf8Character(whole) ? 'mixed' : 'single-byte';
  if (head.length < HEAD_BYTES) return 'utf8';
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  let carry: Buffer = Buffer.alloc(0);
  let sawCharacter = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const bytes = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      const cut = wholeCharacters(bytes);
      const checked = bytes.subarray(0, cut);
      if (!isUtf8(checked)) return sawCharacter || holdsUtf8Character(checked) ? 'mixed' : 'single-byte';
      sawCharacter ||= !isAscii(checked);
      carry = bytes.subarray(cut);
    }
  } catch (error) {
    throw readError(file, error);
  } finally {
    stream.destroy();
  }
  // A file ending inside a character is refused by the decoder with its line, as before.
  return 'utf8';
}

/**
 * The layout of a text file, as textLayout gives it, except that a file nothing declares an encoding for and that
 * is not valid UTF-8 (nor holds any UTF-8 character) is read as Windows-1252, what Excel's "CSV (Comma delimited)"
 * writes on a UK machine. Checked over the whole file before any record is read, so no record is read twice or in
 * two encodings.
 */
export async function detectedLayout(file: string, head: Buffer, given: TextEncoding | undefined): Promise<TextLayout> {
  const layout = textLayout(file, head, given);
  if (layout.declared) return layout;
  return (await utf8Verdict(file, head)) === 'single-byte' ? { encoding: 'windows-1252', skip: 0, declared: false, detected: true } : layout;
}

/**
 * Whether the head looks like UTF-16 without a mark: Latin text in UTF-16 has a NUL in every other byte.
 * A stray NUL in a UTF-8 cell is only a character, so it takes NULs in a quarter of one parity's bytes.
 */
function utf16Pattern(head: Uint8Array): 'utf16le' | 'utf16be' | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const threshold = Math.max(1, head.length / 8);
  if (odd >= threshold && odd > even) return 'utf16le';
  if (even >= threshold && even > odd) return 'utf16be';
  return null;
}

/** Decodes the head of a file for a look at its first lines; an incomplete last character is left out. */
export function decodeHead(head: Buffer, layout: TextLayout): string {
  const bytes = head.subarray(layout.skip);
  if (layout.encoding === 'utf8') return new TextDecoder('utf-8', { fatal: false }).decode(bytes, { stream: true });
  return iconv.getDecoder(layout.encoding, { stripBOM: false }).write(bytes);
}

const LF = 0x0a;
const CR = 0x0d;

/** Counts line breaks (LF, CRLF or a lone CR, each one) in single-byte-compatible text bytes. */
class ByteLineCounter {
  /** The line of the next byte. */
  line = 1;
  private afterCr = false;

  add(bytes: Uint8Array, end = bytes.length): void {
    for (let i = 0; i < end; i++) {
      const byte = bytes[i];
      // A CR ends a line at once; the LF of a CRLF then ends nothing more.
      if (byte === CR || (byte === LF && !this.afterCr)) this.line++;
      this.afterCr = byte === CR;
    }
  }
}

/** The line a byte offset falls on, read again from the file (only ever on the way to an error). */
async function lineAtOffset(file: string, offset: number): Promise<number> {
  const counter = new ByteLineCounter();
  if (offset === 0) return 1;
  for await (const chunk of createReadStream(file, { start: 0, end: offset - 1 })) counter.add(chunk as Buffer);
  return counter.line;
}

/** Counts line breaks in decoded text, for errors in encodings whose bytes cannot be counted directly. */
class TextLineCounter {
  /** The line of the next character. */
  line = 1;
  private afterCr = false;

  add(text: string, end = text.length): void {
    for (let i = 0; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === CR || (code === LF && !this.afterCr)) this.line++;
      this.afterCr = code === CR;
    }
  }
}

/** Length of a UTF-8 sequence from its lead byte; 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Where an incomplete sequence at the end of the chunk starts (the chunk's length if it ends whole). */
function completeLength(chunk: Uint8Array): number {
  const length = chunk.length;
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = chunk[length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = sequenceLength(byte);
    return needed > back ? length - back : length;
  }
  return length;
}

/** The offset of the first byte that is not valid UTF-8 (the bytes are known to hold one). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const length = sequenceLength(lead);
    if (length === 0) return i;
    if (length === 1) {
      i++;
      continue;
    }
    // The second byte's range excludes overlong forms and surrogates, as isUtf8 does.
    const second = bytes[i + 1];
    if (second === undefined) return i;
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Checks UTF-8 as it streams and passes the bytes on unchanged (the CSV parser decodes UTF-8 itself).
 * A sequence cut by a chunk boundary is carried into the next chunk.
 */
class Utf8Check extends Transform {
  private carried: Buffer | null = null;
  private offset = 0;

  constructor(
    private readonly file: string,
    private readonly layout: TextLayout,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = this.carried ? Buffer.concat([this.carried, chunk]) : chunk;
    const whole = completeLength(bytes);
    const checked = whole === bytes.length ? bytes : bytes.subarray(0, whole);
    if (!isUtf8(checked)) {
      const bad = firstInvalidUtf8(checked);
      this.fail(this.offset + bad, checked[bad], done);
      return;
    }
    this.carried = whole === bytes.length ? null : Buffer.from(bytes.subarray(whole));
    this.offset += whole;
    done(null, checked);
  }

  override _flush(done: TransformCallback): void {
    if (this.carried) {
      this.fail(this.offset, undefined, done);
      return;
    }
    done();
  }

  private fail(offset: number, byte: number | undefined, done: TransformCallback): void {
    const position = this.layout.skip + offset;
    lineAtOffset(this.file, position).then(
      (line) => done(invalidUtf8(this.file, line, byte, this.layout)),
      (error: unknown) => done(readError(this.file, error)),
    );
  }
}

function invalidUtf8(file: string, line: number, byte: number | undefined, layout: TextLayout): InputError {
  const what = byte === undefined ? 'the file ends inside a character' : `byte ${hex(byte)} does not belong to a UTF-8 character here`;
  return new InputError(
    `the file is not valid UTF-8: ${what}`,
    { file, line },
    layout.declared
      ? 'UTF-8 text, as --encoding utf8 says; if the file was saved by Excel or an older system, try --encoding windows-1252'
      : 'UTF-8 text; if the file was saved by Excel or an older system, give its encoding: --encoding windows-1252',
  );
}

const REPLACEMENT = '\uFFFD';

/** Windows-1252 through iconv-lite; its five unassigned bytes would come out as U+FFFD and are refused. */
class SingleByteDecode extends Transform {
  private readonly decoder = iconv.getDecoder('windows-1252');
  private readonly lines = new TextLineCounter();

  constructor(private readonly file: string) {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const text = this.decoder.write(chunk);
    const bad = text.indexOf(REPLACEMENT);
    if (bad !== -1) {
      this.lines.add(text, bad);
      done(
        new InputError(
          `byte ${hex(chunk[bad] as number)} is not a character in Windows-1252`,
          { file: this.file, line: this.lines.line },
          'text in the encoding given with --encoding; UTF-8 if unsure',
        ),
      );
      return;
    }
    this.lines.add(text);
    done(null, text);
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The index of the first surrogate without its partner, or -1; a high surrogate ending the text is left to the caller. */
function loneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) continue;
    if (isHighSurrogate(code) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    if (isHighSurrogate(code) && i + 1 === text.length) return -1;
    return i;
  }
  return -1;
}

/** UTF-16 through iconv-lite, refusing lone surrogates and an odd number of bytes. */
class Utf16Decode extends Transform {
  private readonly decoder;
  private readonly lines = new TextLineCounter();
  private bytes = 0;
  private heldBack = '';

  constructor(
    private readonly file: string,
    private readonly encoding: 'utf16le' | 'utf16be',
  ) {
    super({ readableObjectMode: true });
    this.decoder = iconv.getDecoder(encoding, { stripBOM: false });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    let text = this.heldBack + this.decoder.write(chunk);
    this.heldBack = '';
    const bad = loneSurrogate(text);
    if (bad !== -1) {
      this.lines.add(text, bad);
      done(this.invalid('a surrogate code unit without its partner'));
      return;
    }
    if (text.length > 0 && isHighSurrogate(text.charCodeAt(text.length - 1))) {
      this.heldBack = text.slice(-1);
      text = text.slice(0, -1);
    }
    this.lines.add(text);
    done(null, text);
  }

  override _flush(done: TransformCallback): void {
    if (this.heldBack !== '') {
      done(this.invalid('a surrogate code unit without its partner'));
      return;
    }
    if (this.bytes % 2 !== 0) {
      done(this.invalid('the file ends in the middle of a character (an odd number of bytes)'));
      return;
    }
    done();
  }

  private invalid(what: string): InputError {
    return new InputError(
      `the file is not valid ${encodingName(this.encoding)}: ${what}`,
      { file: this.file, line: this.lines.line },
      `${encodingName(this.encoding)} text; check --encoding`,
    );
  }
}

/**
 * The stages that turn the file's bytes (after the byte-order mark) into text: UTF-8 stays as checked
 * bytes, the other encodings become strings.
 */
export function decodingStage(file: string, layout: TextLayout): Transform {
  switch (layout.encoding) {
    case 'utf8':
      return new Utf8Check(file, layout);
    case 'windows-1252':
      return new SingleByteDecode(file);
    case 'utf16le':
    case 'utf16be':
      return new Utf16Decode(file, layout.encoding);
  }
}

/** The file's bytes after the byte-order mark. */
export const bodyStream = (file: string, layout: TextLayout, readSize?: number) =>
  createReadStream(file, { start: layout.skip, ...(readSize === undefined ? {} : { highWaterMark: readSize }) });

/**
 * The whole file as checked text, chunk by chunk (for NDJSON and JSON, read as the text comes); `readSize` is
 * the bytes read at a time (64 KiB by default).
 */
export async function* textChunks(file: string, given: TextEncoding | undefined, readSize?: number): AsyncGenerator<string> {
  const layout = textLayout(file, await readHead(file), given);
  const stage = decodingStage(file, layout);
  // The callback form returns the last stage, which then fails with the first error of any stage.
  pipeline(bodyStream(file, layout, readSize), stage, () => undefined);
  for await (const chunk of stage) yield typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
}
