// The JSON schema conf (and electron-store) hands to ajv, derived from the zod definitions in schema.ts so the two
// never drift apart. conf validates the whole document before every write and on every read of `.store`; that is
// the second line of defence behind the service's own per-mutation checks.
import { z } from 'zod';
import { storeDataSchema } from '../../common/store-schema';

type JsonSchemaObject = Record<string, unknown>;

export interface ConfSchemaOptions {
  /** conf's `schema` option: one JSON schema per top-level key. */
  readonly schema: Readonly<Record<string, JsonSchemaObject>>;
  /** conf's `rootSchema` option: everything about the document except `properties` (required keys, no extras). */
  readonly rootSchema: JsonSchemaObject;
}

let cached: ConfSchemaOptions | undefined;

export function confSchemaOptions(): ConfSchemaOptions {
  if (cached) return cached;
  // draft-2020-12 is what conf's Ajv2020 speaks. Refinements (code-point lengths, the endpoint rule) have no
  // JSON-schema form; the lengths come back through `.meta({ maxLength })`, the endpoint stays a zod-only check.
  const full = z.toJSONSchema(storeDataSchema, { target: 'draft-2020-12' }) as JsonSchemaObject;
  const { properties, $schema: _ignored, ...rootSchema } = full;
  cached = Object.freeze({ schema: properties as Record<string, JsonSchemaObject>, rootSchema });
  return cached;
}
