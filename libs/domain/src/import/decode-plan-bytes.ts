import * as iconv from 'iconv-lite';
import { PLAN_IMPORT_LIMITS } from './import-limits';
import { PlanImportError } from './plan-import-error';

export const DEFAULT_MAX_PLAN_BYTES = PLAN_IMPORT_LIMITS.maxFileBytes;

export interface DecodeOptions {
  maxBytes?: number;
}

export type PlanEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface DecodedPlanText {
  text: string;
  encoding: PlanEncoding;
}

/** Zip (docx), OLE (old .doc), PDF: recognised so the user is told what to do instead of seeing mojibake. */
export function sniffBinaryFormat(bytes: Uint8Array): 'zip' | 'ole' | 'pdf' | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'ole';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  return null;
}

export function assertPlanSize(bytes: Uint8Array, maxBytes = DEFAULT_MAX_PLAN_BYTES): void {
  if (bytes.length === 0) throw new PlanImportError('empty', 'файл пуст', 'the file is empty');
  if (bytes.length > maxBytes) throw planTooLargeError(bytes.length, maxBytes);
}

/** Also for callers that know the size before reading the bytes (a file on disk, an upload). */
export function planTooLargeError(size: number, maxBytes = DEFAULT_MAX_PLAN_BYTES): PlanImportError {
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} МБ`;
  return new PlanImportError('too-large', `файл ${mb(size)} больше предела ${mb(maxBytes)}`, `the file is larger than ${maxBytes} bytes`);
}

/**
 * Plans arrive as text exported by Word, 1C or an OCR tool: UTF-8, UTF-16 with a BOM, or the old Windows cp1251.
 * Strict UTF-8 first because cp1251 decodes any byte sequence and would hide the mistake.
 */
export function decodePlanBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedPlanText {
  assertPlanSize(bytes, options.maxBytes);
  const decoded = decodeByBomOrGuess(bytes);
  if (looksBinary(decoded.text)) throw binaryError(sniffBinaryFormat(bytes));
  if (decoded.text.trim() === '') throw new PlanImportError('empty', 'в файле нет текста', 'the file holds no text');
  return decoded;
}

export function decodeByBomOrGuess(bytes: Uint8Array): DecodedPlanText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: buffer.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  if (buffer.includes(0)) throw binaryError(sniffBinaryFormat(bytes));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buffer, 'windows-1251'), encoding: 'windows-1251' };
  }
}

/** Text exports hold tabs and newlines, never many other control characters. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
  }
  return control > sample.length * 0.01;
}

function binaryError(format: 'zip' | 'ole' | 'pdf' | null): PlanImportError {
  switch (format) {
    case 'ole':
      return new PlanImportError('binary', 'это файл .doc старого формата, сохраните его как .docx', 'an old .doc file, save it as .docx');
    case 'pdf':
      return new PlanImportError('binary', 'это PDF, приложите .docx или текст', 'a PDF, provide .docx or text');
    case 'zip':
      return new PlanImportError('bad-docx', 'архив не содержит word/document.xml', 'a zip without word/document.xml');
    default:
      return new PlanImportError('binary', 'двоичные данные, а не текст', 'binary data, not text');
  }
}
