import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openApiDocument } from './openapi-document';

/**
 * A nullable union comes out of zod-to-openapi as `oneOf: [A, B, { nullable: true }]`; in OpenAPI 3.0 a schema
 * without a type cannot be nullable, and openapi-typescript reads it as `unknown`, which swallows the union.
 * The same meaning in 3.0's own words: `oneOf: [A, B], nullable: true`.
 */
function nullableUnions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableUnions);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([key, value]) => [key, nullableUnions(value)] as const);
  const schema = Object.fromEntries(entries) as Record<string, unknown>;
  for (const key of ['oneOf', 'anyOf']) {
    const members = schema[key];
    if (!Array.isArray(members)) continue;
    const isBareNull = (member: unknown) => JSON.stringify(member) === '{"nullable":true}';
    if (!members.some(isBareNull)) continue;
    schema[key] = members.filter((member) => !isBareNull(member));
    schema.nullable = true;
  }
  return schema;
}

/**
 * Writes the gateway's OpenAPI document as JSON to the file named on the command line, without starting the
 * gateway: the web client's build generates its typed API client from it, so a contract change breaks that build.
 *   node -r @swc-node/register services/gateway/src/openapi/write-openapi.ts OUT.json
 */
function main(out: string | undefined): void {
  if (!out) throw new Error('usage: write-openapi.ts OUT.json');
  const file = resolve(out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(nullableUnions(openApiDocument()), null, 2)}\n`);
}

main(process.argv[2]);
