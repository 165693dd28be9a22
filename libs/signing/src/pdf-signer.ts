import { CertificateInfo, describeCertificate, parseCertificate, validityProblem } from './certificate';
import { createGostCms } from './cms-gost';
import { createRsaCms } from './cms-rsa';
import { SigningCredentials } from './credentials';
import { SigningError } from './errors';
import { signPdfIncrementally, SignatureSubFilter } from './pdf-signature-field';

/** Signs a rendered PDF; the result is the same document plus one signature. */
export interface PdfSigner {
  readonly certificate: CertificateInfo;
  sign(pdf: Buffer, details?: SignatureDetails): Promise<Buffer>;
}

/** Optional texts of the signature dictionary shown by PDF viewers. */
export interface SignatureDetails {
  reason?: string;
  location?: string;
}

export interface PdfSignerOptions {
  subFilter?: SignatureSubFilter;
  /** Clock for the validity check and the signing time; tests move it. */
  now?: () => Date;
}

/** Room for a CMS with a signer and a few CA certificates; unused bytes stay zero. */
const CONTENTS_SIZE = 16 * 1024;

type CmsFactory = (content: Buffer, credentials: SigningCredentials, signingTime: Date) => Promise<Buffer>;

const CMS_BY_ALGORITHM: Record<SigningCredentials['algorithm'], CmsFactory> = {
  RSA: createRsaCms,
  GOST: createGostCms,
};

/** PAdES (B-B) signer for RSA or ГОСТ credentials, chosen by the certificate's key. */
export function createPdfSigner(credentials: SigningCredentials, options: PdfSignerOptions = {}): PdfSigner {
  const certificate = parseCertificate(credentials.certificatePem);
  const info = describeCertificate(certificate);
  const createCms = CMS_BY_ALGORITHM[credentials.algorithm];
  const now = options.now ?? (() => new Date());
  return {
    certificate: info,
    async sign(pdf, details = {}) {
      const signingTime = now();
      const problem = validityProblem(certificate, signingTime);
      if (problem) throw new SigningError(`Подписание невозможно: ${problem} (${info.subject.commonName ?? info.subject.text})`);
      return signPdfIncrementally(
        pdf,
        {
          subFilter: options.subFilter ?? 'ETSI.CAdES.detached',
          signingTime,
          signerName: info.subject.commonName,
          reason: details.reason,
          location: details.location,
          contentsSize: CONTENTS_SIZE,
        },
        (content) => createCms(content, credentials, signingTime),
      );
    },
  };
}
