import { auditRowHash, GENESIS_HASH } from './audit-entry';
import { canonicalJson } from './canonical-json';

describe('audit row hashing', () => {
  const row = {
    seq: 1,
    at: new Date('2025-10-01T09:00:00.123Z'),
    actorAccountId: null,
    actorLogin: 'admin',
    actingFor: null,
    action: 'auth.login',
    objectType: 'account',
    objectId: 'a1',
    before: null,
    after: { b: 1, a: { d: [1, 2], c: 'x' } },
    prevHash: GENESIS_HASH,
  };

  it('hashes the same content the same whatever the key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,2]},"b":1}');
    expect(auditRowHash({ ...row, after: { a: { c: 'x', d: [1, 2] }, b: 1 } })).toBe(auditRowHash(row));
  });

  it('changes with any field of the row and with the previous hash', () => {
    const base = auditRowHash(row);
    expect(auditRowHash({ ...row, after: { ...row.after, b: 2 } })).not.toBe(base);
    expect(auditRowHash({ ...row, actorLogin: 'other' })).not.toBe(base);
    expect(auditRowHash({ ...row, at: new Date('2025-10-01T09:00:00.124Z') })).not.toBe(base);
    expect(auditRowHash({ ...row, prevHash: 'f'.repeat(64) })).not.toBe(base);
  });
});
