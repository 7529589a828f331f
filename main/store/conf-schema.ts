// The JSON schemas conf (and electron-store) hands to ajv, derived from the zod definitions in
// common/store-schema.ts so the two never drift apart. conf validates the whole document before every write and on
// every read of `.store`; that is the second line of defence behind the service's own per-mutation checks.
import { z } from 'zod';

type JsonSchemaObject = Record<string, unknown>;

export interface ConfSchemaOptions {
  /** conf's `schema` option: one JSON schema per top-level key. */
  readonly schema: Readonly<Record<string, JsonSchemaObject>>;
  /** conf's `rootSchema` option: everything about the document except `properties` (required keys, no extras). */
  readonly rootSchema: JsonSchemaObject;
}

const cache = new WeakMap<z.ZodType, ConfSchemaOptions>();

/** `documentSchema` is settingsDocumentSchema or roomsDocumentSchema. */
export function confSchemaOptions(documentSchema: z.ZodType): ConfSchemaOptions {
  const cached = cache.get(documentSchema);
  if (cached) return cached;
  // draft-2020-12 is what conf's Ajv2020 speaks. Refinements (code-point lengths, the endpoint rule) have no
  // JSON-schema form; the lengths come back through `.meta({ maxLength })`, the endpoint stays a zod-only check.
  const full = z.toJSONSchema(documentSchema, { target: 'draft-2020-12' }) as JsonSchemaObject;
  const { properties, $schema: _ignored, ...rootSchema } = full;
  const options = Object.freeze({ schema: properties as Record<string, JsonSchemaObject>, rootSchema });
  cache.set(documentSchema, options);
  return options;
}
