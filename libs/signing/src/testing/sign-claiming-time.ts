import { createRsaCms } from '../cms-rsa';
import type { SigningCredentials } from '../credentials';
import { signPdfIncrementally } from '../pdf-signature-field';

/**
 * Signs with an RSA key claiming any signing time, even one outside the certificate's validity, which
 * `createPdfSigner` refuses: how a forger would back- or post-date a signature.
 */
export function signClaimingTime(pdf: Buffer, credentials: SigningCredentials, signingTime: Date): Promise<Buffer> {
  return signPdfIncrementally(
    pdf,
    { subFilter: 'ETSI.CAdES.detached', signingTime, contentsSize: 8192 },
    (content) => createRsaCms(content, credentials, signingTime),
  );
}
