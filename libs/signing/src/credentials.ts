import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  certificateAlgorithm,
  parseCertificate,
  SignatureAlgorithm,
  splitPemCertificates,
} from './certificate';
import { CertificatePasswordError, SigningError } from './errors';
import { GOST_ENGINE, OpensslError, runOpenssl, withTempDir } from './openssl';

/** A signer's certificate and key, decoded and ready for either signer. */
export interface SigningCredentials {
  algorithm: SignatureAlgorithm;
  certificatePem: string;
  /** Unencrypted PKCS#8; only ever held in memory or in a 0700 scratch dir. */
  privateKeyPem: string;
  /** Issuing CA certificates shipped inside the CMS so verifiers can build the chain. */
  chainPem: string[];
}

export interface PemCredentialsInput {
  certificatePem: string;
  privateKeyPem: string;
  chainPem?: string[];
}

const PASSWORD_VARIABLE = 'EDUPLAN_PKCS12_PASSWORD';

/**
 * Opens a PKCS#12 container (RSA or ГОСТ). Done by the openssl binary because it
 * already has the ГОСТ engine and every PBE the issuing CAs use.
 */
export async function loadPkcs12(pkcs12: Buffer, password: string, label = 'PKCS#12'): Promise<SigningCredentials> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'container.p12');
    await writeFile(file, pkcs12, { mode: 0o600 });
    const extract = async (...selection: string[]) => {
      const args = ['pkcs12', ...GOST_ENGINE, '-in', file, '-passin', `env:${PASSWORD_VARIABLE}`, ...selection];
      try {
        return (await runOpenssl(args, { [PASSWORD_VARIABLE]: password })).stdout.toString('utf8');
      } catch (error) {
        if (error instanceof OpensslError && /invalid password|mac verify/i.test(error.stderr)) {
          throw new CertificatePasswordError(label);
        }
        throw new SigningError(`Не удалось открыть контейнер сертификата ${label}: ${String(error)}`);
      }
    };
    const keyOutput = await extract('-nocerts', '-nodes');
    const [certificatePem] = splitPemCertificates(await extract('-clcerts', '-nokeys'));
    const chainPem = splitPemCertificates(await extract('-cacerts', '-nokeys'));
    const privateKeyPem = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----\n?/.exec(keyOutput)?.[0];
    if (!certificatePem || !privateKeyPem) {
      throw new SigningError(`В контейнере ${label} нет пары «сертификат — закрытый ключ»`);
    }
    return loadPemCredentials({ certificatePem, privateKeyPem, chainPem });
  });
}

export async function loadPkcs12File(path: string, password: string): Promise<SigningCredentials> {
  return loadPkcs12(await readFile(path), password, basename(path));
}

/** Checks that the key belongs to the certificate before anything is signed with it. */
export async function loadPemCredentials(input: PemCredentialsInput): Promise<SigningCredentials> {
  const certificate = parseCertificate(input.certificatePem);
  const algorithm = certificateAlgorithm(certificate);
  const certificatePublicKey = Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER(false));
  const keyPublicKey = await withTempDir(async (dir) => {
    const keyFile = join(dir, 'key.pem');
    await writeFile(keyFile, input.privateKeyPem, { mode: 0o600 });
    try {
      const args = ['pkey', ...GOST_ENGINE, '-in', keyFile, '-passin', 'pass:', '-pubout', '-outform', 'DER'];
      return (await runOpenssl(args)).stdout;
    } catch {
      throw new SigningError('Не удалось прочитать закрытый ключ (ожидался незашифрованный PKCS#8 PEM)');
    }
  });
  if (!keyPublicKey.equals(certificatePublicKey)) {
    throw new SigningError('Закрытый ключ не соответствует сертификату');
  }
  return {
    algorithm,
    certificatePem: input.certificatePem,
    privateKeyPem: input.privateKeyPem,
    chainPem: input.chainPem ?? [],
  };
}
