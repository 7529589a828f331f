// Body and query schemas. Order inside a body: JSON parses (no BOM) → object → no key twice → no unknown field →
// every present field has its JSON type, integers written as integers (else 20000) → required fields present →
// values allowed (else 190004).
import { SimError } from './errors';
import { scanJson, type JsonScan } from './json-scan';
import { SEED_USERS } from './seed-meetings';
import type { CallTarget, MraProtocolNumber, SimulatorCredentials } from './types';

export type FieldType = 'string' | 'integer' | 'object';
export interface FieldRule {
  readonly type: FieldType;
  readonly required: boolean;
}
export type BodySpec = Readonly<Record<string, FieldRule>>;

/** Device types from reference §6.3. */
export const INSTANCE_IDS: ReadonlySet<number> = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 21, 22, 30, 32, 33]);

const MAX_BODY_BYTES = 64 * 1024;
// ignoreBOM keeps a byte order mark in the text, where it is caught below instead of silently dropped.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Per parsed object: its keys whose number was written with a fraction or exponent (1.0, 1e0). */
const nonIntegerWritten = new WeakMap<object, Set<string>>();

function markNonIntegerLiterals(root: Record<string, unknown>, paths: JsonScan['nonIntegerLiterals']): void {
  for (const path of paths) {
    let holder: unknown = root;
    for (const key of path.slice(0, -1)) holder = isPlainObject(holder) ? holder[key] : undefined;
    const last = path.at(-1);
    if (!isPlainObject(holder) || last === undefined) continue;
    const keys = nonIntegerWritten.get(holder) ?? new Set<string>();
    keys.add(last);
    nonIntegerWritten.set(holder, keys);
  }
}

export function parseJsonObject(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) throw new SimError('invalidParam', 'request body is empty (expected a JSON object)');
  if (raw.length > MAX_BODY_BYTES)
    throw new SimError('invalidParam', `request body larger than ${MAX_BODY_BYTES} bytes`);
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw new SimError('invalidParam', 'request body is not valid UTF-8');
  }
  if (text.startsWith('\uFEFF')) throw new SimError('invalidParam', 'request body starts with a byte order mark');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SimError('invalidParam', 'request body is not valid JSON');
  }
  if (!isPlainObject(value)) throw new SimError('invalidParam', 'request body must be a JSON object');
  const scan = scanJson(text);
  if (scan.duplicateKey) {
    throw new SimError('invalidParam', `field "${scan.duplicateKey.join('.')}" given more than once`);
  }
  markNonIntegerLiterals(value, scan.nonIntegerLiterals);
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'object':
      return isPlainObject(value);
  }
}

/** Unknown fields (190004), wrong JSON types incl. null (20000), missing required fields (190004). */
export function checkFields(body: Record<string, unknown>, spec: BodySpec, where = ''): void {
  for (const name of Object.keys(body)) {
    if (!Object.hasOwn(spec, name)) throw new SimError('invalidParam', `unknown field "${where}${name}"`);
  }
  for (const [name, rule] of Object.entries(spec)) {
    if (Object.hasOwn(body, name) && !hasType(body[name], rule.type)) {
      throw new SimError(
        'paramType',
        `field "${where}${name}" must be ${rule.type === 'integer' ? 'an integer' : `a JSON ${rule.type}`}`,
      );
    }
    if (rule.type === 'integer' && nonIntegerWritten.get(body)?.has(name)) {
      throw new SimError(
        'paramType',
        `field "${where}${name}" must be written as an integer (no fraction or exponent)`,
      );
    }
  }
  for (const [name, rule] of Object.entries(spec)) {
    if (rule.required && !Object.hasOwn(body, name)) {
      throw new SimError('invalidParam', `missing required field "${where}${name}"`);
    }
  }
}

export function checkOperator(body: Record<string, unknown>, credentials: SimulatorCredentials): void {
  if (body['operator_id_type'] !== 1) throw new SimError('invalidParam', 'operator_id_type must be 1 (userid)');
  checkUser(body['operator_id'] as string, credentials, 'operator_id');
}

export function checkUser(userid: string, credentials: SimulatorCredentials, field: string): void {
  if (userid === '') throw new SimError('invalidParam', `${field} must not be empty`);
  if (userid !== credentials.operatorId) throw new SimError('userNotFound', `${field} ${JSON.stringify(userid)}`);
}

/** Any user of the enterprise (the operator or a seeded user) → else 20001. Returns the userid. */
export function checkEnterpriseUser(userid: string, credentials: SimulatorCredentials, field: string): string {
  if (userid === '') throw new SimError('invalidParam', `${field} must not be empty`);
  if (userid !== credentials.operatorId && !Object.hasOwn(SEED_USERS, userid)) {
    throw new SimError('userNotFound', `${field} ${JSON.stringify(userid)}`);
  }
  return userid;
}

/** A decimal string of up to 20 digits; never a JSON number (checked by the spec as type string). */
export function readMeetingId(body: Record<string, unknown>): string {
  const id = body['meeting_id'] as string;
  if (!/^[1-9]\d{0,19}$/.test(id)) throw new SimError('invalidParam', 'meeting_id must be a string of digits');
  return id;
}

export function readInstanceId(body: Record<string, unknown>): number {
  const id = body['instance_id'] as number;
  if (!INSTANCE_IDS.has(id)) throw new SimError('invalidParam', `instance_id ${id} is not a known device type`);
  return id;
}

export function readNonEmpty(body: Record<string, unknown>, field: string): string {
  const value = body[field] as string;
  if (value.trim() === '') throw new SimError('invalidParam', `${field} must not be empty`);
  return value;
}

const MRA_SPEC: BodySpec = {
  protocol: { type: 'integer', required: true },
  dial_string: { type: 'string', required: true },
};

/** Exactly one of meeting_room_id and mra_address (types already checked by the body spec). */
export function readTarget(body: Record<string, unknown>): CallTarget {
  const hasRoom = Object.hasOwn(body, 'meeting_room_id');
  const hasMra = Object.hasOwn(body, 'mra_address');
  if (hasRoom === hasMra) {
    throw new SimError('invalidParam', 'exactly one of meeting_room_id and mra_address is required (二选一)');
  }
  if (hasRoom) {
    const id = body['meeting_room_id'] as string;
    if (!/^\d{1,32}$/.test(id)) throw new SimError('invalidParam', 'meeting_room_id must be a string of digits');
    return { kind: 'rooms', meetingRoomId: id };
  }
  const mra = body['mra_address'] as Record<string, unknown>;
  checkFields(mra, MRA_SPEC, 'mra_address.');
  const protocol = mra['protocol'] as number;
  if (protocol !== 1 && protocol !== 2) {
    throw new SimError('invalidParam', 'mra_address.protocol must be 1 (SIP) or 2 (H.323)');
  }
  const dialString = mra['dial_string'] as string;
  if (dialString === '') throw new SimError('invalidParam', 'mra_address.dial_string must not be empty');
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(dialString)) {
    throw new SimError('invalidParam', 'mra_address.dial_string must not contain spaces or control characters');
  }
  if (dialString.length > 256) throw new SimError('invalidParam', 'mra_address.dial_string is longer than 256');
  return { kind: 'mra', protocol: protocol as MraProtocolNumber, dialString };
}

// ---------------------------------------------------------------- query strings

export type QuerySpec = Readonly<Record<string, { readonly required: boolean }>>;

/** Decoded parameters; unknown, repeated or missing-required parameters → 190004. */
export function parseQuery(rawQuery: string, spec: QuerySpec): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    if (!Object.hasOwn(spec, name)) throw new SimError('invalidParam', `unknown query parameter "${name}"`);
    if (params.has(name)) throw new SimError('invalidParam', `query parameter "${name}" given more than once`);
    params.set(name, value);
  }
  for (const [name, rule] of Object.entries(spec)) {
    if (rule.required && !params.has(name)) throw new SimError('invalidParam', `missing query parameter "${name}"`);
  }
  return params;
}

/** A decimal integer query value within [min, max]; `fallback` when absent. */
export function queryInt(
  params: Map<string, string>,
  name: string,
  range: { min: number; max: number },
  fallback?: number,
): number {
  const text = params.get(name);
  if (text === undefined) {
    if (fallback === undefined) throw new SimError('invalidParam', `missing query parameter "${name}"`);
    return fallback;
  }
  if (!/^\d{1,9}$/.test(text)) throw new SimError('invalidParam', `query parameter "${name}" must be an integer`);
  const value = Number(text);
  if (value < range.min || value > range.max) {
    throw new SimError('invalidParam', `query parameter "${name}" must be between ${range.min} and ${range.max}`);
  }
  return value;
}

/** A decimal integer query value of at most `maxDigits` digits (0 allowed); `fallback` when absent. */
export function queryDecimal(params: Map<string, string>, name: string, maxDigits: number, fallback: number): number {
  const text = params.get(name);
  if (text === undefined) return fallback;
  if (!new RegExp(`^\\d{1,${maxDigits}}$`).test(text)) {
    throw new SimError('invalidParam', `query parameter "${name}" must be an integer of at most ${maxDigits} digits`);
  }
  return Number(text);
}

/**
 * Who is asking, in a meeting lookup: `userid`, or `operator_id` + `operator_id_type=1` (operator_id wins when both
 * are given, reference §6.1). Any user of the enterprise (the admin may look up anyone's meetings). Returns it.
 */
export function queryOperator(params: Map<string, string>, credentials: SimulatorCredentials): string {
  const operatorId = params.get('operator_id');
  const operatorIdType = params.get('operator_id_type');
  if (operatorId !== undefined || operatorIdType !== undefined) {
    if (operatorId === undefined) throw new SimError('invalidParam', 'operator_id_type given without operator_id');
    if (operatorIdType !== '1') throw new SimError('invalidParam', 'operator_id_type must be 1 (userid)');
    return checkEnterpriseUser(operatorId, credentials, 'operator_id');
  }
  const userid = params.get('userid');
  if (userid === undefined) throw new SimError('invalidParam', 'missing query parameter "userid" (or operator_id)');
  return checkEnterpriseUser(userid, credentials, 'userid');
}

export function instanceIdQuery(params: Map<string, string>): number {
  const id = queryInt(params, 'instanceid', { min: 0, max: 99 });
  if (!INSTANCE_IDS.has(id)) throw new SimError('invalidParam', `instanceid ${id} is not a known device type`);
  return id;
}
