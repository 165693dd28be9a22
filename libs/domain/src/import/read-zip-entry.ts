import { inflateRawSync } from 'node:zlib';
import { tooManyZipEntries, unpackedTooLarge, type PlanImportLimits } from './import-limits';
import { PlanImportError } from './plan-import-error';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderAt: number;
}

/**
 * The entries a zip's central directory lists, or null when the bytes are no readable zip. The directory
 * is read without inflating anything, so a bomb is refused by its entry count before it costs memory.
 */
export function zipDirectory(bytes: Uint8Array, limits: PlanImportLimits): ZipEntry[] | null {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(zip);
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  if (count > limits.maxZipEntries) throw tooManyZipEntries(limits, count);
  const entries: ZipEntry[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      declaredSize: zip.readUInt32LE(at + 24),
      localHeaderAt: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * One entry unpacked, never more than `maxUnpackedBytes`: the declared size is checked first, and since a
 * header may lie, inflating stops as soon as the output passes the limit.
 */
export function unpackZipEntry(bytes: Uint8Array, entry: ZipEntry, limits: PlanImportLimits): Buffer {
  const unreadable = () => new PlanImportError('bad-docx', `не удалось распаковать ${entry.name}`, `cannot unpack ${entry.name}`);
  if (entry.declaredSize > limits.maxUnpackedBytes) throw unpackedTooLarge(limits, entry.declaredSize);
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderAt;
  if (entry.flags & 1 || at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) throw unreadable();
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) {
    if (data.length > limits.maxUnpackedBytes) throw unpackedTooLarge(limits, data.length);
    return data;
  }
  if (entry.method !== DEFLATED) throw unreadable();
  try {
    return inflateRawSync(data, { maxOutputLength: limits.maxUnpackedBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw unpackedTooLarge(limits, null);
    throw unreadable();
  }
}

/** The end-of-central-directory record sits in the last 64 KB + 22 bytes (its comment may fill the rest). */
function findEndOfDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}
