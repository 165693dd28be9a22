import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

type EngineCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];

let installed = false;

/** pkijs looks for a global engine; Node's WebCrypto provides RSA and SHA-2. */
export function ensurePkijsEngine(): void {
  if (installed) return;
  pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as EngineCrypto }));
  installed = true;
}
