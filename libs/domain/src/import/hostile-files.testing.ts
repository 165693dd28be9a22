import { constants, crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

const MB = 1024 * 1024;

/**
 * A .docx-shaped zip bomb: word/document.xml is `megabytes` MB of spaces packed about 1000:1. One flushed
 * deflate block of 1 MB of spaces refers only to spaces, so repeating it gives the whole stream without
 * compressing a gigabyte. `declaredSize` overrides the size the headers claim (a bomb may lie).
 */
export function docxZipBomb(megabytes: number, declaredSize?: number): Buffer {
  const spaces = Buffer.alloc(MB, 0x20);
  const block = deflateRawSync(spaces, { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  const data = Buffer.concat([...Array.from({ length: megabytes }, () => block), finalEmptyBlock]);
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(spaces, crc);
  return storedZip('word/document.xml', data, { method: 8, crc, size: declaredSize ?? megabytes * MB });
}

/** A small .docx whose body holds `depth` paragraphs nested in one another (about 11 KB for 100,000). */
export async function deeplyNestedDocx(depth: number): Promise<Buffer> {
  const xml = `<?xml version="1.0"?><w:document><w:body>${'<w:p>'.repeat(depth)}${'</w:p>'.repeat(depth)}</w:body></w:document>`;
  const zip = new JSZip();
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A zip of `count` tiny entries beside word/document.xml. */
export async function zipWithEntries(count: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('word/document.xml', '<w:document><w:body/></w:document>');
  for (let i = 0; i < count; i++) zip.file(`word/media/${i}.txt`, '');
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** One entry with the given compressed data and the header fields as stated (they need not be true). */
function storedZip(name: string, data: Buffer, entry: { method: number; crc: number; size: number }): Buffer {
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(entry.method, 8);
  local.writeUInt32LE(entry.crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(entry.size, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(entry.method, 10);
  central.writeUInt32LE(entry.crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(entry.size, 24);
  central.writeUInt16LE(fileName.length, 28);
  const directoryAt = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}
