import { certificateChainsToTrustedRoot } from './certificate-chain';
import { issueCertificate } from './certificate-authority';
import { DEV_PEOPLE } from './dev-certificates';
import { issueTestPki } from './testing/test-certificates';

jest.setTimeout(60_000);

describe('certificateChainsToTrustedRoot', () => {
  it.each(['RSA', 'GOST'] as const)('trusts a %s certificate issued by a trusted root, not a self-made one with the same name', async (algorithm) => {
    const pki = await issueTestPki(algorithm);
    const selfMade = await issueCertificate({ algorithm, subject: DEV_PEOPLE[0].subject });
    const roots = [pki.authority.certificatePem];
    const now = new Date();
    expect(await certificateChainsToTrustedRoot(pki.person.certificatePem, [pki.authority.certificatePem], roots, now)).toBe(true);
    expect(await certificateChainsToTrustedRoot(pki.person.certificatePem, [], roots, now)).toBe(true);
    expect(await certificateChainsToTrustedRoot(selfMade.certificatePem, [], roots, now)).toBe(false);
    expect(await certificateChainsToTrustedRoot(selfMade.certificatePem, [selfMade.certificatePem], roots, now)).toBe(false);
    const otherRoot = (await issueTestPki(algorithm)).authority.certificatePem;
    expect(await certificateChainsToTrustedRoot(pki.person.certificatePem, [pki.authority.certificatePem], [otherRoot], now)).toBe(false);
  });
});
