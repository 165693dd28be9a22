import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

export function contentTypeAttribute(): pkijs.Attribute {
  return new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] });
}

export function messageDigestAttribute(digest: Buffer): pkijs.Attribute {
  return new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] });
}

export function signingTimeAttribute(time: Date): pkijs.Attribute {
  return new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: time })] });
}

/**
 * ESS signing-certificate-v2 (RFC 5035), required by CAdES: binds the signer's
 * certificate into the signed attributes. The hash algorithm is SHA-256, the
 * DEFAULT, so it is omitted. The issuer is copied from the certificate as
 * encoded, keeping its UTF8String Cyrillic exactly.
 */
export function signingCertificateV2Attribute(certificate: pkijs.Certificate, certificateDer: Buffer): pkijs.Attribute {
  const certificateHash = createHash('sha256').update(certificateDer).digest();
  const issuerAsGeneralNames = new asn1js.Sequence({
    value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] })],
  });
  const issuerSerial = new asn1js.Sequence({ value: [issuerAsGeneralNames, certificate.serialNumber] });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certificateHash }), issuerSerial] });
  const signingCertificateV2 = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  return new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2] });
}

/** Value of a signed attribute, when present. */
export function signedAttribute(signerInfo: pkijs.SignerInfo, oid: string): asn1js.AsnType | undefined {
  return signerInfo.signedAttrs?.attributes.find((attribute) => attribute.type === oid)?.values[0];
}
