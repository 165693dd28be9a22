import { SigningError } from './errors';
import { dictionaryEnd, dictionaryRef, formatRef, PdfRef, PdfStructure, refsIn, requiredRef } from './pdf-structure';

export type SignatureSubFilter = 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached';

export interface SignatureFieldOptions {
  subFilter: SignatureSubFilter;
  signingTime: Date;
  signerName?: string;
  reason?: string;
  location?: string;
  /** Bytes reserved for the DER-encoded CMS; the hex placeholder is twice as long. */
  contentsSize: number;
}

/** Produces the detached CMS over the bytes the /ByteRange covers. */
export type CmsProducer = (signedContent: Buffer) => Promise<Buffer>;

const BYTE_RANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]';

/**
 * Appends an invisible signature field as an incremental update (earlier
 * revisions and earlier signatures stay byte-for-byte intact), then fills its
 * /ByteRange and /Contents with a CMS over everything but /Contents itself.
 * The visible stamp is drawn by the renderer before signing, so the widget has
 * an empty rectangle.
 */
export async function signPdfIncrementally(
  pdf: Buffer,
  options: SignatureFieldOptions,
  produceCms: CmsProducer,
): Promise<Buffer> {
  const prepared = appendSignatureField(pdf, options);
  const { contentsStart, contentsEnd, byteRangeStart } = prepared;
  const out = Buffer.from(prepared.pdf);
  const byteRange = [0, contentsStart, contentsEnd, out.length - contentsEnd];
  out.write(`[${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' '), byteRangeStart, 'latin1');

  const cms = await produceCms(Buffer.concat([out.subarray(0, contentsStart), out.subarray(contentsEnd)]));
  if (cms.length > options.contentsSize) {
    throw new SigningError(`Подпись (${cms.length} байт) не помещается в отведённое место (${options.contentsSize} байт)`);
  }
  out.write(cms.toString('hex'), contentsStart + 1, 'latin1');
  return out;
}

interface PreparedPdf {
  pdf: Buffer;
  /** Offset of `<` opening the /Contents placeholder. */
  contentsStart: number;
  /** Offset just past the closing `>`. */
  contentsEnd: number;
  /** Offset of the `[` of the /ByteRange placeholder. */
  byteRangeStart: number;
}

function appendSignatureField(pdf: Buffer, options: SignatureFieldOptions): PreparedPdf {
  const structure = new PdfStructure(pdf);
  const { trailer } = structure;
  const signatureRef: PdfRef = { num: trailer.size, gen: 0 };
  const widgetRef: PdfRef = { num: trailer.size + 1, gen: 0 };
  const catalog = structure.objectDictionary(trailer.root);
  const pageRef = firstPage(structure, requiredRef(catalog, 'Pages'));

  const changed = new Map<number, { ref: PdfRef; body: string }>();
  const rewrite = (ref: PdfRef, body: string) => changed.set(ref.num, { ref, body });

  const acroFormRef = dictionaryRef(catalog, 'AcroForm');
  const fieldCount = countFields(structure, catalog, acroFormRef);
  if (acroFormRef) {
    rewrite(acroFormRef, withSignatureField(structure.objectDictionary(acroFormRef), widgetRef));
  } else {
    rewrite(trailer.root, withInlineAcroForm(catalog, widgetRef));
  }
  const page = structure.objectDictionary(pageRef);
  const annotsRef = dictionaryRef(page, 'Annots');
  if (annotsRef) {
    rewrite(annotsRef, prependToArray(structure.objectBody(annotsRef), widgetRef));
  } else {
    rewrite(pageRef, withArrayEntry(page, 'Annots', widgetRef));
  }
  rewrite(widgetRef, widgetDictionary(signatureRef, pageRef, `Signature${fieldCount + 1}`));

  const signatureHead = signatureDictionaryHead(options);
  const contentsPlaceholder = `<${'0'.repeat(options.contentsSize * 2)}>`;
  rewrite(signatureRef, `${signatureHead}/Contents ${contentsPlaceholder}\n>>`);

  const separator = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  let update = separator;
  const xrefEntries: string[] = [];
  let signatureObjectStart = 0;
  for (const { ref, body } of [...changed.values()].sort((a, b) => a.ref.num - b.ref.num)) {
    const offset = pdf.length + update.length;
    // One subsection per object keeps each 20-byte entry next to its number.
    xrefEntries.push(`${ref.num} 1\n${String(offset).padStart(10, '0')} ${String(ref.gen).padStart(5, '0')} n\r\n`);
    const header = `${ref.num} ${ref.gen} obj\n`;
    if (ref.num === signatureRef.num) signatureObjectStart = offset + header.length;
    update += `${header}${body}\nendobj\n`;
  }
  const xrefOffset = pdf.length + update.length;
  update += `xref\n${xrefEntries.join('')}`;
  const trailerEntries = [
    `/Size ${widgetRef.num + 1}`,
    `/Root ${formatRef(trailer.root)}`,
    trailer.info ? `/Info ${formatRef(trailer.info)}` : '',
    trailer.id ? `/ID ${trailer.id}` : '',
    `/Prev ${trailer.startXref}`,
  ].filter(Boolean);
  update += `trailer\n<<\n${trailerEntries.join('\n')}\n>>\nstartxref\n${xrefOffset}\n%%EOF\n`;

  const byteRangeStart = signatureObjectStart + signatureHead.indexOf(BYTE_RANGE_PLACEHOLDER);
  const contentsStart = signatureObjectStart + signatureHead.length + '/Contents '.length;
  return {
    pdf: Buffer.concat([pdf, Buffer.from(update, 'latin1')]),
    contentsStart,
    contentsEnd: contentsStart + contentsPlaceholder.length,
    byteRangeStart,
  };
}

function signatureDictionaryHead(options: SignatureFieldOptions): string {
  const optional = [
    options.signerName ? `/Name ${textString(options.signerName)}\n` : '',
    options.reason ? `/Reason ${textString(options.reason)}\n` : '',
    options.location ? `/Location ${textString(options.location)}\n` : '',
  ].join('');
  return (
    `<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /${options.subFilter}\n` +
    `/M (${pdfDate(options.signingTime)})\n${optional}/ByteRange ${BYTE_RANGE_PLACEHOLDER}\n`
  );
}

function widgetDictionary(signatureRef: PdfRef, pageRef: PdfRef, fieldName: string): string {
  return (
    `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T (${fieldName})\n/F 132\n/Rect [0 0 0 0]\n` +
    `/V ${formatRef(signatureRef)}\n/P ${formatRef(pageRef)}\n>>`
  );
}

/** Leaf of the page tree the widget is attached to: the first page. */
function firstPage(structure: PdfStructure, pagesRef: PdfRef): PdfRef {
  let node = pagesRef;
  for (let depth = 0; depth < 64; depth += 1) {
    const dict = structure.objectDictionary(node);
    if (!/\/Type\s*\/Pages\b/.test(dict)) return node;
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict);
    const first = kids ? refsIn(kids[1])[0] : undefined;
    if (!first) break;
    node = first;
  }
  throw new SigningError('Структура PDF не поддерживается для подписи: нет страниц');
}

function countFields(structure: PdfStructure, catalog: string, acroFormRef: PdfRef | undefined): number {
  const acroForm = acroFormRef ? structure.objectDictionary(acroFormRef) : inlineAcroForm(catalog);
  const fields = acroForm ? /\/Fields\s*\[([^\]]*)\]/.exec(acroForm) : null;
  return fields ? refsIn(fields[1]).length : 0;
}

function inlineAcroForm(catalog: string): string | undefined {
  const at = /\/AcroForm\s*<</.exec(catalog);
  if (!at) return undefined;
  const start = catalog.indexOf('<<', at.index);
  return catalog.slice(start, dictionaryEnd(catalog, start));
}

function withInlineAcroForm(catalog: string, widgetRef: PdfRef): string {
  const existing = inlineAcroForm(catalog);
  if (existing) return catalog.replace(existing, withSignatureField(existing, widgetRef));
  return insertEntry(catalog, `/AcroForm << /Fields [${formatRef(widgetRef)}] /SigFlags 3 >>`);
}

/** SigFlags 3: the document has signatures and must only be appended to. */
function withSignatureField(acroForm: string, widgetRef: PdfRef): string {
  const withField = withArrayEntry(acroForm, 'Fields', widgetRef);
  return /\/SigFlags\s+\d+/.test(withField)
    ? withField.replace(/\/SigFlags\s+\d+/, '/SigFlags 3')
    : insertEntry(withField, '/SigFlags 3');
}

function withArrayEntry(dict: string, key: string, ref: PdfRef): string {
  const inline = new RegExp(`/${key}\\s*\\[`).exec(dict);
  if (inline) {
    const at = inline.index + inline[0].length;
    return `${dict.slice(0, at)}${formatRef(ref)} ${dict.slice(at)}`;
  }
  return insertEntry(dict, `/${key} [${formatRef(ref)}]`);
}

function prependToArray(array: string, ref: PdfRef): string {
  if (!array.startsWith('[')) throw new SigningError('Структура PDF не поддерживается для подписи: /Annots не массив');
  return `[${formatRef(ref)} ${array.slice(1)}`;
}

function insertEntry(dict: string, entry: string): string {
  const close = dict.lastIndexOf('>>');
  return `${dict.slice(0, close)}${entry}\n${dict.slice(close)}`;
}

/** PDF text string as UTF-16BE hex with BOM, so Cyrillic survives any reader. */
function textString(value: string): string {
  const utf16be = Buffer.from(`\ufeff${value}`, 'utf16le').swap16();
  return `<${utf16be.toString('hex').toUpperCase()}>`;
}

function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 19).replace(/[-T:]/g, '')}Z`;
}
