import { createHash, createPrivateKey, webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import { certificateDer, parseCertificate } from './certificate';
import {
  contentTypeAttribute,
  messageDigestAttribute,
  OID,
  signingCertificateV2Attribute,
  signingTimeAttribute,
} from './cms-attributes';
import { SigningCredentials } from './credentials';
import { ensurePkijsEngine } from './pkijs-engine';

/**
 * A detached CAdES-BES SignedData (RSA PKCS#1 v1.5, SHA-256) built with pkijs.
 * pkijs reuses the certificate's issuer bytes in SignerInfo, unlike node-forge,
 * which re-encodes them and breaks Cyrillic names (forge issue 847).
 */
export async function createRsaCms(content: Buffer, credentials: SigningCredentials, signingTime: Date): Promise<Buffer> {
  ensurePkijsEngine();
  const certificate = parseCertificate(credentials.certificatePem);
  const chain = credentials.chainPem.map(parseCertificate);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      contentTypeAttribute(),
      signingTimeAttribute(signingTime),
      messageDigestAttribute(createHash('sha256').update(content).digest()),
      signingCertificateV2Attribute(certificate, certificateDer(certificate)),
    ],
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs,
      }),
    ],
    certificates: [certificate, ...chain],
  });
  await signedData.sign(await rsaKeyOf(credentials), 0, 'SHA-256');
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}

/** A signer signs many documents with one key: it is imported once per credentials object. */
const importedKeys = new WeakMap<SigningCredentials, Promise<webcrypto.CryptoKey>>();

function rsaKeyOf(credentials: SigningCredentials): Promise<webcrypto.CryptoKey> {
  let key = importedKeys.get(credentials);
  if (!key) {
    key = importRsaKey(credentials.privateKeyPem);
    importedKeys.set(credentials, key);
  }
  return key;
}

async function importRsaKey(privateKeyPem: string): Promise<webcrypto.CryptoKey> {
  const pkcs8 = createPrivateKey(privateKeyPem).export({ format: 'der', type: 'pkcs8' });
  return webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
}
