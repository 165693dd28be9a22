import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificatePem } from './certificate';
import { pkijsChainTrusted } from './certificate-chain';
import { OID, signedAttribute } from './cms-attributes';
import { GOST_ENGINE, runOpenssl, withTempDir } from './openssl';
import { ensurePkijsEngine } from './pkijs-engine';

export interface CmsCheckInput {
  cms: Buffer;
  signedData: pkijs.SignedData;
  signer: pkijs.Certificate;
  content: Buffer;
  /** Absent: the chain is not checked. */
  trustedRoots?: pkijs.Certificate[];
  /** Time the chain must be valid at (the signing time). */
  checkDate: Date;
}

export interface CmsCheck {
  digestMatches: boolean;
  signatureValid: boolean;
  chainTrusted?: boolean;
}

const SHA_DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

const GOST_DIGESTS: Record<string, string> = {
  '1.2.643.7.1.1.2.2': 'md_gost12_256',
  '1.2.643.7.1.1.2.3': 'md_gost12_512',
};

/** RSA (and any WebCrypto algorithm): digest by node, signature and chain by pkijs. */
export async function checkRsaCms(input: CmsCheckInput): Promise<CmsCheck> {
  ensurePkijsEngine();
  const signerInfo = input.signedData.signerInfos[0];
  const hash = SHA_DIGESTS[signerInfo.digestAlgorithm.algorithmId];
  const digest = hash ? createHash(hash).update(input.content).digest() : undefined;
  let signatureValid = false;
  try {
    const result = await input.signedData.verify({
      signer: 0,
      data: toArrayBuffer(input.content),
      checkChain: false,
      extendedMode: true,
    });
    signatureValid = result.signatureVerified === true;
  } catch {
    signatureValid = false;
  }
  return {
    digestMatches: digest ? matchesMessageDigest(signerInfo, digest, signatureValid) : false,
    signatureValid,
    chainTrusted: input.trustedRoots
      ? await pkijsChainTrusted(input.signer, intermediatesOf(input.signedData), input.trustedRoots, input.checkDate)
      : undefined,
  };
}

/** ГОСТ: WebCrypto has no ГОСТ, so the openssl gost engine checks digest, signature and chain. */
export async function checkGostCms(input: CmsCheckInput): Promise<CmsCheck> {
  const signerInfo = input.signedData.signerInfos[0];
  const digestName = GOST_DIGESTS[signerInfo.digestAlgorithm.algorithmId];
  return withTempDir(async (dir) => {
    const file = (name: string) => join(dir, name);
    await writeFile(file('content.bin'), input.content);
    await writeFile(file('signature.der'), input.cms);
    const succeeds = (args: string[]) => runOpenssl(args).then(() => true, () => false);
    const verify = ['cms', '-verify', ...GOST_ENGINE, '-inform', 'DER', '-in', file('signature.der'), '-binary',
      '-content', file('content.bin'), '-out', file('verified.bin')];

    let digestMatches = false;
    if (digestName) {
      const { stdout } = await runOpenssl(['dgst', ...GOST_ENGINE, `-${digestName}`, '-binary', file('content.bin')]);
      digestMatches = matchesMessageDigest(signerInfo, stdout, true);
    }
    const signatureValid = await succeeds([...verify, '-noverify']);
    let chainTrusted: boolean | undefined;
    if (input.trustedRoots) {
      await writeFile(file('roots.pem'), input.trustedRoots.map(certificatePem).join(''));
      const attime = String(Math.floor(input.checkDate.getTime() / 1000));
      chainTrusted = await succeeds([...verify, '-CAfile', file('roots.pem'), '-purpose', 'any', '-attime', attime]);
    }
    return { digestMatches, signatureValid, chainTrusted };
  });
}

/**
 * With signed attributes the digest is the messageDigest attribute; without
 * them the signature is over the content itself, so its validity decides.
 */
function matchesMessageDigest(signerInfo: pkijs.SignerInfo, digest: Buffer, signatureValid: boolean): boolean {
  if (!signerInfo.signedAttrs) return signatureValid;
  const attribute = signedAttribute(signerInfo, OID.messageDigest);
  return attribute instanceof asn1js.OctetString && Buffer.from(attribute.valueBlock.valueHexView).equals(digest);
}

function intermediatesOf(signedData: pkijs.SignedData): pkijs.Certificate[] {
  return (signedData.certificates ?? []).filter((item): item is pkijs.Certificate => item instanceof pkijs.Certificate);
}

function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}
