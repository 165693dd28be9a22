import { DEV_DATABASE_SERVER } from '../config/config';

/**
 * The address of a throw-away database `eduplan_<name>` for a test: on `TEST_DATABASE_SERVER` when set, otherwise
 * on the development server with the password setup gives it (a fresh Debian asks for one on 127.0.0.1).
 */
export function testDatabaseUrl(name: string): string {
  return `${process.env.TEST_DATABASE_SERVER ?? DEV_DATABASE_SERVER}/eduplan_${name}`;
}
