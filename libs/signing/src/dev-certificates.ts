import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SignatureAlgorithm } from './certificate';
import { exportPkcs12, issueCertificate, KeyPairPem, SubjectAttributes } from './certificate-authority';

/** Password of the development PKCS#12 files unless the caller chooses another. */
export const DEV_CERTIFICATE_PASSWORD = 'eduplan-dev';

export interface DevPerson {
  /** File name stem: `<id>-rsa.p12`, `<id>-gost.crt.pem` … */
  id: string;
  subject: SubjectAttributes;
}

const REGION = {
  C: 'RU',
  ST: 'Тверская область',
  L: 'Тверь',
  O: 'Министерство образования Тверской области',
};

/** Distinct names per algorithm, so chain building never confuses the two roots. */
export const DEV_AUTHORITY_SUBJECTS: Record<SignatureAlgorithm, SubjectAttributes> = {
  RSA: { ...REGION, CN: 'Тестовый удостоверяющий центр eduplan' },
  GOST: { ...REGION, CN: 'Тестовый удостоверяющий центр eduplan (ГОСТ)' },
};

export const DEV_PEOPLE: DevPerson[] = [
  {
    id: 'kalinina',
    subject: {
      ...REGION,
      title: 'Министр образования Тверской области',
      SN: 'Калинина',
      GN: 'Ольга Евгеньевна',
      CN: 'Калинина Ольга Евгеньевна',
      SNILS: '00000000000',
    },
  },
];

export interface DevCertificateFiles {
  certificate: string;
  privateKey: string;
  /** Absent for authorities: their keys never leave the development CA. */
  pkcs12?: string;
}

export interface DevCertificates {
  dir: string;
  password: string;
  authorities: Record<SignatureAlgorithm, DevCertificateFiles>;
  people: Array<{ id: string; owner: string; files: Record<SignatureAlgorithm, DevCertificateFiles> }>;
  /** Files written by this call; existing ones are kept as they are. */
  created: string[];
}

export interface DevCertificatesOptions {
  password?: string;
  people?: DevPerson[];
}

const ALGORITHMS: SignatureAlgorithm[] = ['RSA', 'GOST'];

/**
 * Issues a development CA (RSA and ГОСТ) and personal signing certificates under
 * `dir`. Idempotent: a complete set of files is kept; a missing CA is re-issued
 * together with the people it certifies, so the chains stay consistent.
 */
export async function createDevCertificates(dir: string, options: DevCertificatesOptions = {}): Promise<DevCertificates> {
  const password = options.password ?? DEV_CERTIFICATE_PASSWORD;
  const people = options.people ?? DEV_PEOPLE;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const created: string[] = [];
  const result: DevCertificates = {
    dir,
    password,
    authorities: {} as Record<SignatureAlgorithm, DevCertificateFiles>,
    people: people.map((p) => ({ id: p.id, owner: p.subject.CN, files: {} as Record<SignatureAlgorithm, DevCertificateFiles> })),
    created,
  };

  for (const algorithm of ALGORITHMS) {
    const authorityFiles = filesFor(dir, 'ca', algorithm, false);
    result.authorities[algorithm] = authorityFiles;
    const authorityIssued = !(await allExist(authorityFiles));
    const authority = authorityIssued
      ? await write(authorityFiles, await issueCertificate({ algorithm, subject: DEV_AUTHORITY_SUBJECTS[algorithm], isAuthority: true }), created)
      : await read(authorityFiles);

    for (const [position, person] of people.entries()) {
      const files = filesFor(dir, person.id, algorithm, true);
      result.people[position].files[algorithm] = files;
      if (!authorityIssued && (await allExist(files))) continue;
      const pair = await write(files, await issueCertificate({ algorithm, subject: person.subject, issuer: authority }), created);
      const pkcs12 = await exportPkcs12(pair, [authority.certificatePem], password, person.subject.CN);
      await writeFile(files.pkcs12 as string, pkcs12, { mode: 0o600 });
      created.push(files.pkcs12 as string);
    }
  }
  return result;
}

function filesFor(dir: string, stem: string, algorithm: SignatureAlgorithm, withPkcs12: boolean): DevCertificateFiles {
  const base = join(dir, `${stem}-${algorithm.toLowerCase()}`);
  return {
    certificate: `${base}.crt.pem`,
    privateKey: `${base}.key.pem`,
    ...(withPkcs12 ? { pkcs12: `${base}.p12` } : {}),
  };
}

async function allExist(files: DevCertificateFiles): Promise<boolean> {
  const paths = [files.certificate, files.privateKey, files.pkcs12].filter((p): p is string => p !== undefined);
  const present = await Promise.all(paths.map((p) => access(p).then(() => true, () => false)));
  return present.every(Boolean);
}

async function read(files: DevCertificateFiles): Promise<KeyPairPem> {
  return {
    certificatePem: await readFile(files.certificate, 'utf8'),
    privateKeyPem: await readFile(files.privateKey, 'utf8'),
  };
}

async function write(files: DevCertificateFiles, pair: KeyPairPem, created: string[]): Promise<KeyPairPem> {
  await writeFile(files.certificate, pair.certificatePem);
  await writeFile(files.privateKey, pair.privateKeyPem, { mode: 0o600 });
  created.push(files.certificate, files.privateKey);
  return pair;
}
