// Writes docs/managed-config.schema.json, the JSON schema of IT's managed.json, from its zod schema
// (common/managed-config.ts). tests/unit/managed-config.test.ts fails while the committed file differs from it.
//   npx tsx scripts/managed-schema.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'prettier';
import { managedConfigJsonSchema } from '../common/managed-config';

export const MANAGED_SCHEMA_FILE = path.join(import.meta.dirname, '..', 'docs', 'managed-config.schema.json');

const text = await format(JSON.stringify(managedConfigJsonSchema()), { parser: 'json', printWidth: 120 });
writeFileSync(MANAGED_SCHEMA_FILE, text);
console.log(`wrote ${path.relative(process.cwd(), MANAGED_SCHEMA_FILE)}`);
