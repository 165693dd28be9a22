import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '@eduplan/contracts';

/** A verified caller as the gateway would put it on a bus request, for tests that talk to a service directly. */
export function testActor(roles: Role[], organizationId: string | null = null): Actor {
  const login = `${roles.join('-')}-${randomUUID().slice(0, 8)}`;
  return { accountId: randomUUID(), login, name: `Тестовый пользователь ${login}`, roles, organizationId, personId: null };
}
