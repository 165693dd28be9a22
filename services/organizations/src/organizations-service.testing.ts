import type { BusErrorPayload } from '@eduplan/contracts';
import { startBusServiceUnderTest, type BusServiceUnderTest } from '@eduplan/infra/testing';
import type { BusRequestError } from '@eduplan/platform';
import { database } from './database';

export type OrganizationsServiceUnderTest = BusServiceUnderTest;

/** The organizations service on a private NATS and a fresh database, for one integration test file. */
export function startOrganizationsService(name: string): Promise<OrganizationsServiceUnderTest> {
  return startBusServiceUnderTest({ name, service: 'organizations', database, appModule: () => import('./app.module') });
}

/** The bus error a request fails with (the test fails if it succeeds). */
export const failureOf = (promise: Promise<unknown>): Promise<BusErrorPayload> =>
  promise.then(
    () => Promise.reject(new Error('the request succeeded')),
    (error: BusRequestError) => error.payload as BusErrorPayload,
  );

/** A valid 10-digit ИНН made from a serial number, for test organizations. */
export function testInn(serial: number): string {
  const body = `43${String(serial).padStart(7, '0')}`;
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const check = (weights.reduce((sum, weight, i) => sum + weight * Number(body[i]), 0) % 11) % 10;
  return `${body}${check}`;
}
