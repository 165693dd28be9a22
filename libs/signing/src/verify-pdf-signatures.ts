import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  CertificateInfo,
  CertificateInput,
  certificateAlgorithm,
  describeCertificate,
  parseCertificate,
  SignatureAlgorithm,
  validityProblem,
} from './certificate';
import { OID, signedAttribute } from './cms-attributes';
import { CmsCheck, CmsCheckInput, checkGostCms, checkRsaCms } from './cms-verification';
import { EmbeddedSignature, readEmbeddedSignatures } from './pdf-signatures';

export interface VerifyPdfOptions {
  /** Root CA certificates; when given, each signer's chain must end in one. */
  trustedRoots?: CertificateInput[];
  /** «Now» for the expiry warning; tests move it. */
  now?: Date;
}

export interface SignatureVerification {
  /** 1-based, in file order (the first is the oldest revision). */
  index: number;
  subFilter?: string;
  algorithm?: SignatureAlgorithm;
  byteRange: [number, number, number, number];
  rangeExcludesOnlyContents: boolean;
  coversWholeFile: boolean;
  digestMatches: boolean;
  signatureValid: boolean;
  /** ISO timestamp claimed by the signer (signingTime attribute). */
  signingTime?: string;
  certificate?: CertificateInfo;
  certificateValidAtSigningTime: boolean;
  certificateExpired: boolean;
  /** Undefined when no trusted roots were given. */
  chainTrusted?: boolean;
  valid: boolean;
  /** Russian reasons the signature is invalid. */
  problems: string[];
  /** Russian remarks that do not invalidate the signature. */
  warnings: string[];
}

export interface PdfVerificationReport {
  valid: boolean;
  signatures: SignatureVerification[];
  problems: string[];
}

const CHECK_BY_ALGORITHM: Record<SignatureAlgorithm, (input: CmsCheckInput) => Promise<CmsCheck>> = {
  RSA: checkRsaCms,
  GOST: checkGostCms,
};

/**
 * Checks every signature of a PDF. The document is valid when it has at least
 * one signature, all of them are valid, and the newest covers the whole file
 * (nothing unsigned was appended afterwards).
 */
export async function verifyPdfSignatures(pdf: Buffer, options: VerifyPdfOptions = {}): Promise<PdfVerificationReport> {
  const trustedRoots = options.trustedRoots?.map(parseCertificate);
  const now = options.now ?? new Date();
  const embedded = readEmbeddedSignatures(pdf);
  const signatures: SignatureVerification[] = [];
  for (const [position, signature] of embedded.entries()) {
    signatures.push(await verifySignature(signature, position + 1, trustedRoots, now));
  }

  const problems: string[] = [];
  if (signatures.length === 0) problems.push('В документе нет электронных подписей');
  for (const signature of signatures.filter((s) => !s.valid)) {
    problems.push(`Подпись № ${signature.index} недействительна: ${signature.problems.join('; ')}`);
  }
  if (signatures.length > 0 && !signatures.some((s) => s.coversWholeFile)) {
    problems.push('После последней подписи в документ внесены изменения, не охваченные подписью');
  }
  return { valid: problems.length === 0, signatures, problems };
}

async function verifySignature(
  embedded: EmbeddedSignature,
  index: number,
  trustedRoots: pkijs.Certificate[] | undefined,
  now: Date,
): Promise<SignatureVerification> {
  const base = {
    index,
    subFilter: embedded.subFilter,
    byteRange: embedded.byteRange,
    rangeExcludesOnlyContents: embedded.rangeExcludesOnlyContents,
    coversWholeFile: embedded.coversWholeFile,
  };
  const parsed = parseSignedData(embedded.cms);
  const algorithm = parsed && supportedAlgorithm(parsed.signer);
  if (!parsed || !algorithm) {
    return {
      ...base,
      digestMatches: false,
      signatureValid: false,
      certificateValidAtSigningTime: false,
      certificateExpired: false,
      valid: false,
      problems: [parsed ? 'Алгоритм подписи не поддерживается' : 'Не удалось разобрать подпись CMS'],
      warnings: [],
    };
  }
  const { signedData, signer } = parsed;
  const signingTime = signingTimeOf(signedData.signerInfos[0]);
  const checkDate = signingTime ?? now;
  const check = await CHECK_BY_ALGORITHM[algorithm]({
    cms: embedded.cms,
    signedData,
    signer,
    content: embedded.signedContent,
    trustedRoots,
    checkDate,
  });
  const validityAtSigning = validityProblem(signer, checkDate);
  const certificate = describeCertificate(signer);
  const certificateExpired = now > signer.notAfter.value;

  const problems: string[] = [];
  if (!embedded.rangeExcludesOnlyContents) {
    problems.push('Диапазон /ByteRange охватывает не весь документ за исключением самой подписи');
  }
  if (!check.digestMatches) problems.push('Хеш подписанных данных не совпадает: документ изменён после подписания');
  if (!check.signatureValid) problems.push('Подпись CMS не прошла проверку');
  if (validityAtSigning) problems.push(`На момент подписания: ${validityAtSigning}`);
  if (check.chainTrusted === false) {
    problems.push('Сертификат подписанта не ведёт к доверенному корневому сертификату');
  }
  const warnings: string[] = [];
  if (certificateExpired && !validityAtSigning) {
    warnings.push(`Срок действия сертификата истёк ${certificate.validTo.slice(0, 10)}; на момент подписания он был действителен`);
  }
  if (!embedded.coversWholeFile) {
    warnings.push('После этой подписи документ дополнялся (инкрементальное обновление)');
  }
  return {
    ...base,
    algorithm,
    ...check,
    signingTime: signingTime?.toISOString(),
    certificate,
    certificateValidAtSigningTime: !validityAtSigning,
    certificateExpired,
    valid: problems.length === 0,
    problems,
    warnings,
  };
}

function parseSignedData(cms: Buffer): { signedData: pkijs.SignedData; signer: pkijs.Certificate } | undefined {
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(cms);
    if (contentInfo.contentType !== OID.signedData) return undefined;
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    const signer = signerCertificate(signedData);
    return signer ? { signedData, signer } : undefined;
  } catch {
    return undefined;
  }
}

function supportedAlgorithm(certificate: pkijs.Certificate): SignatureAlgorithm | undefined {
  try {
    return certificateAlgorithm(certificate);
  } catch {
    return undefined;
  }
}

function signerCertificate(signedData: pkijs.SignedData): pkijs.Certificate | undefined {
  const sid = signedData.signerInfos[0]?.sid;
  const certificates = (signedData.certificates ?? []).filter(
    (item): item is pkijs.Certificate => item instanceof pkijs.Certificate,
  );
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  }
  return certificates[0];
}

function signingTimeOf(signerInfo: pkijs.SignerInfo): Date | undefined {
  const value = signedAttribute(signerInfo, OID.signingTime);
  return value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime ? value.toDate() : undefined;
}
