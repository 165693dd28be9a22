import type { OrderDto, PlanSnapshot } from '@eduplan/contracts';
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth, so equal content always gives equal bytes. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 of the draft the approvers decide on: the order's requisites and the plan version's snapshot.
 * Status, registration and timestamps are left out: they change on the way to signing, the draft does not.
 */
export function draftContentSha256(order: OrderDto, plan: PlanSnapshot): string {
  const { status: _status, registrationNumber: _number, registeredOn: _date, createdAt: _created, ...requisites } = order;
  return createHash('sha256').update(canonicalJson({ order: requisites, plan })).digest('hex');
}
