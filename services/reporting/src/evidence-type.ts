/** The kinds of evidence a report takes, recognised by their first bytes (a name or a declared type proves nothing). */
export const EVIDENCE_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export const EVIDENCE_KINDS_TEXT = 'PDF, JPEG, PNG или DOCX';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The type the first bytes of a file announce; a ZIP is only a DOCX candidate until `isDocx` sees all of it. */
export function sniffEvidenceType(head: Buffer): string | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return EVIDENCE_TYPES.pdf;
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return EVIDENCE_TYPES.jpeg;
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return EVIDENCE_TYPES.png;
  if (head.subarray(0, 4).equals(ZIP_SIGNATURE)) return EVIDENCE_TYPES.docx;
  return null;
}

/** A Word document is a ZIP that names its main part and its content types (any other ZIP is refused). */
export function isDocx(content: Buffer): boolean {
  return content.subarray(0, 4).equals(ZIP_SIGNATURE) && content.includes('word/document.xml', 0, 'latin1') && content.includes('[Content_Types].xml', 0, 'latin1');
}
