/** A signing or certificate problem the user can act on; the message is in Russian. */
export class SigningError extends Error {
  override name = 'SigningError';
}

/** The password of a PKCS#12 container does not open it. */
export class CertificatePasswordError extends SigningError {
  override name = 'CertificatePasswordError';

  constructor(label: string) {
    super(`Неверный пароль сертификата ${label}`);
  }
}
