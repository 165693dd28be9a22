import * as asn1js from 'asn1js';

/** One signature dictionary found in a PDF, with the bytes it claims to sign. */
export interface EmbeddedSignature {
  byteRange: [number, number, number, number];
  /** The DER CMS without the zero padding of the placeholder. */
  cms: Buffer;
  /** Concatenation of the two signed ranges (everything but /Contents). */
  signedContent: Buffer;
  subFilter?: string;
  /**
   * The ranges start at 0 and leave out exactly the `<…>` hex string of
   * /Contents, so no unsigned bytes hide in between.
   */
  rangeExcludesOnlyContents: boolean;
  /** The second range reaches the end of the file: nothing was appended after signing. */
  coversWholeFile: boolean;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/**
 * Finds signature dictionaries by their /ByteRange. They are never inside
 * compressed object streams (the ranges must point at raw file bytes), so a scan
 * of the file text is sufficient and also sees every incremental revision.
 */
export function readEmbeddedSignatures(pdf: Buffer): EmbeddedSignature[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(BYTE_RANGE)].map((match) => {
    const byteRange = match.slice(1, 5).map(Number) as [number, number, number, number];
    const [start, firstLength, secondStart, secondLength] = byteRange;
    const objectStart = text.lastIndexOf(' obj', match.index);
    const objectEnd = text.indexOf('endobj', match.index);
    const dictionary = text.slice(objectStart, objectEnd < 0 ? undefined : objectEnd);
    const hex = text.slice(firstLength + 1, secondStart - 1);
    const rangeExcludesOnlyContents =
      start === 0 &&
      text[firstLength] === '<' &&
      text[secondStart - 1] === '>' &&
      /^[0-9a-fA-F]*$/.test(hex) &&
      /\/Contents\s*$/.test(text.slice(Math.max(0, firstLength - 16), firstLength));
    return {
      byteRange,
      cms: trimDer(Buffer.from(hex, 'hex')),
      signedContent: Buffer.concat([
        pdf.subarray(start, start + firstLength),
        pdf.subarray(secondStart, secondStart + secondLength),
      ]),
      subFilter: /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dictionary)?.[1],
      rangeExcludesOnlyContents,
      coversWholeFile: secondStart + secondLength === pdf.length,
    };
  });
}

/** The placeholder is padded with zeros; openssl wants the exact DER length. */
function trimDer(padded: Buffer): Buffer {
  const parsed = asn1js.fromBER(padded);
  return parsed.offset > 0 ? padded.subarray(0, parsed.offset) : padded;
}
