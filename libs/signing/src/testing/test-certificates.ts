import { SignatureAlgorithm } from '../certificate';
import { issueCertificate, KeyPairPem } from '../certificate-authority';
import { DEV_AUTHORITY_SUBJECTS, DEV_PEOPLE } from '../dev-certificates';

export interface TestPki {
  authority: KeyPairPem;
  person: KeyPairPem;
}

/** A CA with a Cyrillic name and the minister's certificate issued by it. */
export async function issueTestPki(algorithm: SignatureAlgorithm): Promise<TestPki> {
  const authority = await issueCertificate({ algorithm, subject: DEV_AUTHORITY_SUBJECTS[algorithm], isAuthority: true });
  const person = await issueCertificate({ algorithm, subject: DEV_PEOPLE[0].subject, issuer: authority });
  return { authority, person };
}
