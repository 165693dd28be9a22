import { Algorithm, hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id baseline (19 MiB, 2 passes): costly to guess offline, cheap enough for a login. */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export const verifyPassword = (stored: string, password: string): Promise<boolean> => verify(stored, password).catch(() => false);

let decoy: Promise<string> | undefined;

/** Spends the time of a real check when the login does not exist, so timing does not tell which logins do. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('decoy password that matches nothing');
  await verifyPassword(await decoy, password);
  return false;
}
