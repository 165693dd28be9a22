import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SignatureAlgorithm } from './certificate';
import { GOST_ENGINE, runOpenssl, withTempDir } from './openssl';

/**
 * Subject attributes in the order they appear in the certificate. Russian
 * qualified certificates carry title, surname/given names and СНИЛС/ИНН.
 */
export interface SubjectAttributes {
  C?: string;
  ST?: string;
  L?: string;
  street?: string;
  O?: string;
  OU?: string;
  title?: string;
  SN?: string;
  GN?: string;
  CN: string;
  SNILS?: string;
  INN?: string;
  email?: string;
}

/** openssl's names for the same fields, in certificate order. */
const OPENSSL_FIELDS: Array<[keyof SubjectAttributes, string]> = [
  ['C', 'countryName'],
  ['ST', 'stateOrProvinceName'],
  ['L', 'localityName'],
  ['street', 'streetAddress'],
  ['O', 'organizationName'],
  ['OU', 'organizationalUnitName'],
  ['title', 'title'],
  ['SN', 'surname'],
  ['GN', 'givenName'],
  ['CN', 'commonName'],
  ['SNILS', 'SNILS'],
  ['INN', 'INN'],
  ['email', 'emailAddress'],
];

export interface KeyPairPem {
  certificatePem: string;
  privateKeyPem: string;
}

export interface IssueRequest {
  algorithm: SignatureAlgorithm;
  subject: SubjectAttributes;
  /** Absent: a self-signed root. */
  issuer?: KeyPairPem;
  isAuthority?: boolean;
  validFrom?: Date;
  validTo?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Issues a certificate with `openssl ca`, the one openssl command that takes
 * explicit start/end dates (tests need expired certificates) and works the same
 * for RSA and, with the gost engine, ГОСТ Р 34.10-2012. `-utf8` with the default
 * utf8only string mask encodes Cyrillic as UTF8String.
 */
export async function issueCertificate(request: IssueRequest): Promise<KeyPairPem> {
  const gost = request.algorithm === 'GOST';
  const engine = gost ? GOST_ENGINE : [];
  const validFrom = request.validFrom ?? new Date(Date.now() - DAY_MS);
  const validTo = request.validTo ?? new Date(validFrom.getTime() + (request.isAuthority ? 10 : 2) * 365 * DAY_MS);
  return withTempDir(async (dir) => {
    const file = (name: string) => join(dir, name);
    await writeFile(file('index.txt'), '');
    // Random positive 128-bit serial, as CAs issue them.
    await writeFile(file('serial'), `${(randomBytes(16)[0] & 0x7f).toString(16).padStart(2, '0')}${randomBytes(15).toString('hex')}\n`);
    await writeFile(file('ca.cnf'), caConfig(dir));
    await writeFile(file('extensions.cnf'), request.isAuthority ? AUTHORITY_EXTENSIONS : PERSON_EXTENSIONS);

    const keyArgs = gost
      ? ['-algorithm', 'gost2012_256', '-pkeyopt', 'paramset:A']
      : ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'];
    await runOpenssl(['genpkey', ...engine, ...keyArgs, '-out', file('key.pem')]);
    await runOpenssl(['req', ...engine, '-new', '-utf8', '-key', file('key.pem'), '-subj', subjectArgument(request.subject), '-out', file('request.csr')]);

    let issuerArgs = ['-selfsign', '-keyfile', file('key.pem')];
    if (request.issuer) {
      await writeFile(file('issuer.pem'), request.issuer.certificatePem);
      await writeFile(file('issuer.key.pem'), request.issuer.privateKeyPem, { mode: 0o600 });
      issuerArgs = ['-cert', file('issuer.pem'), '-keyfile', file('issuer.key.pem')];
    }
    await runOpenssl([
      'ca', ...engine, '-batch', '-config', file('ca.cnf'), '-utf8', '-notext', ...issuerArgs,
      '-in', file('request.csr'), '-md', gost ? 'md_gost12_256' : 'sha256',
      '-startdate', opensslTime(validFrom), '-enddate', opensslTime(validTo),
      '-extfile', file('extensions.cnf'), '-out', file('certificate.pem'),
    ]);
    return {
      certificatePem: await readFile(file('certificate.pem'), 'utf8'),
      privateKeyPem: await readFile(file('key.pem'), 'utf8'),
    };
  });
}

/** A password-protected PKCS#12 with the key, the certificate and its issuer. */
export async function exportPkcs12(pair: KeyPairPem, chainPem: string[], password: string, friendlyName: string): Promise<Buffer> {
  return withTempDir(async (dir) => {
    const file = (name: string) => join(dir, name);
    await writeFile(file('key.pem'), pair.privateKeyPem, { mode: 0o600 });
    await writeFile(file('certificate.pem'), pair.certificatePem);
    await writeFile(file('chain.pem'), chainPem.join(''));
    const chainArgs = chainPem.length > 0 ? ['-certfile', file('chain.pem')] : [];
    await runOpenssl(
      ['pkcs12', ...GOST_ENGINE, '-export', '-inkey', file('key.pem'), '-in', file('certificate.pem'), ...chainArgs,
        '-name', friendlyName, '-passout', 'env:EDUPLAN_PKCS12_PASSWORD', '-out', file('container.p12')],
      { EDUPLAN_PKCS12_PASSWORD: password },
    );
    return readFile(file('container.p12'));
  });
}

const AUTHORITY_EXTENSIONS = [
  'basicConstraints = critical, CA:TRUE',
  'keyUsage = critical, keyCertSign, cRLSign',
  'subjectKeyIdentifier = hash',
  '',
].join('\n');

const PERSON_EXTENSIONS = [
  'basicConstraints = critical, CA:FALSE',
  'keyUsage = critical, digitalSignature, nonRepudiation',
  'extendedKeyUsage = emailProtection',
  'subjectKeyIdentifier = hash',
  'authorityKeyIdentifier = keyid',
  '',
].join('\n');

/** A throw-away `openssl ca` database; the policy keeps every subject field in our order. */
function caConfig(dir: string): string {
  return [
    '[ca]',
    'default_ca = eduplan',
    '[eduplan]',
    `database = ${join(dir, 'index.txt')}`,
    `serial = ${join(dir, 'serial')}`,
    `new_certs_dir = ${dir}`,
    'policy = keep_all',
    'unique_subject = no',
    'email_in_dn = yes',
    '[keep_all]',
    ...OPENSSL_FIELDS.map(([key, name]) => `${name} = ${key === 'CN' ? 'supplied' : 'optional'}`),
    '',
  ].join('\n');
}

function subjectArgument(subject: SubjectAttributes): string {
  return OPENSSL_FIELDS.filter(([key]) => subject[key])
    .map(([key, name]) => `/${name}=${(subject[key] ?? '').replace(/[/\\]/g, '\\$&')}`)
    .join('');
}

function opensslTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-T:]/g, '')}Z`;
}
