import { readFileSync } from 'fs';
import { join, resolve } from 'path';

/** The real plans live beside the checkout (DESIGN.md: fixtures/plans), shared by every engineer. */
export const PLAN_FIXTURES = process.env.EDUPLAN_PLAN_FIXTURES ?? resolve(__dirname, '../../../../../shared/fixtures/plans');

export const FIXTURE_FILES = {
  tver: 'tver-2024-prikaz-1083-pk.txt',
  kaliningrad: 'kaliningrad-2023-prikaz-1278-1.txt',
  samara: 'samara-2021-plan.txt',
} as const;

export function readFixture(name: keyof typeof FIXTURE_FILES): string {
  return readFileSync(join(PLAN_FIXTURES, FIXTURE_FILES[name]), 'utf8');
}
