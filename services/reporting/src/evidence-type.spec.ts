import { EVIDENCE_TYPES, isDocx, sniffEvidenceType } from './evidence-type';

describe('evidence file types by content', () => {
  it('recognises PDF, JPEG, PNG and ZIP by their first bytes, whatever the name', () => {
    expect(sniffEvidenceType(Buffer.from('%PDF-1.7\n'))).toBe(EVIDENCE_TYPES.pdf);
    expect(sniffEvidenceType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe(EVIDENCE_TYPES.jpeg);
    expect(sniffEvidenceType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(EVIDENCE_TYPES.png);
    expect(sniffEvidenceType(Buffer.from('PK\u0003\u0004rest', 'latin1'))).toBe(EVIDENCE_TYPES.docx);
    expect(sniffEvidenceType(Buffer.from('MZ\u0090\u0000 an executable', 'latin1'))).toBeNull();
    expect(sniffEvidenceType(Buffer.from('<html>'))).toBeNull();
  });

  it('takes a ZIP as a Word document only when it holds word/document.xml and [Content_Types].xml', () => {
    expect(isDocx(Buffer.from('PK\u0003\u0004..[Content_Types].xml..word/document.xml..', 'latin1'))).toBe(true);
    expect(isDocx(Buffer.from('PK\u0003\u0004..[Content_Types].xml..xl/workbook.xml..', 'latin1'))).toBe(false);
  });
});
