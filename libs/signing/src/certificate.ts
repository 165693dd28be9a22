import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { decodeName, DistinguishedName } from './distinguished-name';
import { SigningError } from './errors';

export type SignatureAlgorithm = 'RSA' | 'GOST';

/** PEM text or DER bytes of one X.509 certificate. */
export type CertificateInput = string | Buffer;

export interface CertificateInfo {
  subject: DistinguishedName;
  issuer: DistinguishedName;
  /** Upper-case hex without a sign byte, as Russian stamps print it. */
  serialNumber: string;
  validFrom: string;
  validTo: string;
  algorithm: SignatureAlgorithm;
}

const RSA_KEY = '1.2.840.113549.1.1.1';
/** ГОСТ Р 34.10-2012 public keys, 256 and 512 bit. */
export const GOST_KEYS: Record<string, 'md_gost12_256' | 'md_gost12_512'> = {
  '1.2.643.7.1.1.1.1': 'md_gost12_256',
  '1.2.643.7.1.1.1.2': 'md_gost12_512',
};

export function parseCertificate(input: CertificateInput): pkijs.Certificate {
  const der = typeof input === 'string' ? pemToDer(input) : input;
  try {
    return pkijs.Certificate.fromBER(der);
  } catch {
    throw new SigningError('Не удалось прочитать сертификат: ожидался X.509 в формате PEM или DER');
  }
}

export function certificateDer(certificate: pkijs.Certificate): Buffer {
  return Buffer.from(certificate.toSchema().toBER(false));
}

export function certificatePem(certificate: pkijs.Certificate): string {
  const base64 = certificateDer(certificate).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${base64.replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
}

/** SHA-256 of the certificate's DER encoding, lower-case hex: what identifies one certificate. */
export function certificateFingerprint(input: CertificateInput): string {
  return createHash('sha256').update(certificateDer(parseCertificate(input))).digest('hex');
}

export function certificateAlgorithm(certificate: pkijs.Certificate): SignatureAlgorithm {
  const oid = certificate.subjectPublicKeyInfo.algorithm.algorithmId;
  if (oid === RSA_KEY) return 'RSA';
  if (oid in GOST_KEYS) return 'GOST';
  throw new SigningError(`Алгоритм ключа сертификата не поддерживается: ${oid}`);
}

export function describeCertificate(input: CertificateInput | pkijs.Certificate): CertificateInfo {
  const certificate = input instanceof pkijs.Certificate ? input : parseCertificate(input);
  return {
    subject: decodeName(certificate.subject),
    issuer: decodeName(certificate.issuer),
    serialNumber: serialHex(certificate.serialNumber),
    validFrom: certificate.notBefore.value.toISOString(),
    validTo: certificate.notAfter.value.toISOString(),
    algorithm: certificateAlgorithm(certificate),
  };
}

/** What the visible «ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ» stamp prints. */
export interface CertificateStampInfo {
  certificateSerial: string;
  owner: string;
  /** `YYYY-MM-DD` in the issuer's time zone. */
  validFrom: string;
  validTo: string;
}

export function certificateStampInfo(
  input: CertificateInput,
  timeZone = 'Europe/Moscow',
): CertificateStampInfo {
  const certificate = parseCertificate(input);
  const info = describeCertificate(certificate);
  return {
    certificateSerial: info.serialNumber,
    owner: info.subject.commonName ?? info.subject.text,
    validFrom: calendarDate(certificate.notBefore.value, timeZone),
    validTo: calendarDate(certificate.notAfter.value, timeZone),
  };
}

/** Russian reason why the certificate cannot sign at `at`, or undefined. */
export function validityProblem(certificate: pkijs.Certificate, at: Date): string | undefined {
  if (at < certificate.notBefore.value) {
    return `Срок действия сертификата ещё не начался (действителен с ${russianDate(certificate.notBefore.value)})`;
  }
  if (at > certificate.notAfter.value) {
    return `Срок действия сертификата истёк ${russianDate(certificate.notAfter.value)}`;
  }
  return undefined;
}

export function pemToDer(pem: string): Buffer {
  const match = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem);
  if (!match) throw new SigningError('Не удалось прочитать сертификат: нет блока BEGIN CERTIFICATE');
  return Buffer.from(match[1].replace(/\s+/g, ''), 'base64');
}

/** Every certificate block of a PEM bundle, in order. */
export function splitPemCertificates(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g) ?? [];
}

function serialHex(serial: asn1js.Integer): string {
  const hex = Buffer.from(serial.valueBlock.valueHexView).toString('hex').toUpperCase();
  return hex.replace(/^(00)+(?=.)/, '');
}

function calendarDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function russianDate(date: Date): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow' }).format(date);
}
