// Masks secrets in anything about to be logged. The log file goes to support staff, so a SecretKey, SecretId,
// request signature or password must never reach it, even when a developer logs a whole object or an error whose
// message quotes a request. Three rules, each erring on the side of masking:
//   1. a value under a secret-looking name (secretKey, secret_id, X-TC-Signature, X-TC-Key, Authorization,
//      password, token, cookie, apiKey…), in objects, Maps, Headers and in "name=value" / "name: value" /
//      JSON text inside strings;
//   2. any long run that looks like a key: 32+ characters mixing upper case, lower case and digits (Tencent
//      SecretKeys and base64 signatures), or 40+ hex characters (a hex HMAC);
//   3. known secret values passed in by the caller, wherever they appear.
// Inputs are never modified: logging an object must not change it for the code that still uses it.
// Size is bounded too, because what is logged may come from outside: each string is cut to MAX_LOGGED_CHARS
// before it is matched (dropping a token cut in half, so a secret at the cut never shows in part), and one log
// entry visits at most MAX_LOGGED_VALUES values. Every rule runs in time linear in the (cut) text.

export const REDACTED = '[redacted]';

const SECRET_WORDS = String.raw`secret|signature|authori[sz]ation|password|passwd|passphrase|token|cookie|x-tc-key|api[-_]?key|private[-_]?key`;

/** A property, header or parameter name that holds a secret. */
const SECRET_NAME = new RegExp(SECRET_WORDS, 'i');

/** A run of name characters: property, header and parameter names are made of these. */
const NAME_RUN = /[\w.-]+/g;

/**
 * What follows a secret name: the separator, then either a quoted value (up to the closing quote, JSON-escaped
 * quotes included) or a bare one (an optional auth scheme word, then up to a space, quote, comma, semicolon, & or
 * closing bracket). Sticky: tried only right where a name run ends.
 */
const PAIR_REST = String.raw`(\\?["']?\s*[:=]\s*)(?:(\\?["'])((?:(?!\2)[^\r\n])*)|((?:(?:Bearer|Basic|Digest)\s+)?[^\s"'\\,;&)}\]]+))`;

/** 32+ key characters with at least one upper case letter, one lower case letter and one digit. */
const KEY_LIKE = /(?<![\w+-])(?=[\w+-]*[A-Z])(?=[\w+-]*[a-z])(?=[\w+-]*\d)[\w+-]{32,}={0,2}/g;
/** 40+ hex characters with at least one letter (a run of digits is a meeting id, not a key). */
const HEX_LIKE = /(?<![\w+-])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{40,}(?![\w+-])/g;

const MAX_DEPTH = 8;
/** Room for any stack trace or message; a 1 MB string from outside costs no more than this. */
export const MAX_LOGGED_CHARS = 16 * 1024;
/** Values (strings, numbers, containers) visited in one redact() call; the rest are left out. */
export const MAX_LOGGED_VALUES = 5000;
/** Shorter known secrets are not searched for: masking every "abc" in a log would make it unreadable. */
const MIN_KNOWN_SECRET_LENGTH = 6;

export interface RedactOptions {
  /** Exact secret values to mask anywhere (e.g. the SecretKey in use). */
  readonly secrets?: Iterable<string>;
}

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * Rule 1 over text, in one pass. The obvious single pattern, `[\w.-]*(?:words)[\w.-]*` + separator + value, takes
 * time quadratic in the length of a run of name characters (the engine retries the run from every position inside
 * it): 128 KB of letters in a field name blocked the main process for 28 s. Here every run is found once, checked
 * for a secret word once, and only a run that contains one tries the separator and value right after it, so the
 * work is linear in the text. Same result as that pattern: a name can only end where the run ends.
 */
function maskSecretPairs(text: string): string {
  const names = new RegExp(NAME_RUN.source, 'g');
  const rest = new RegExp(PAIR_REST, 'iy');
  let out = '';
  let copied = 0;
  for (let run = names.exec(text); run !== null; run = names.exec(text)) {
    if (!SECRET_NAME.test(run[0])) continue;
    const nameEnd = run.index + run[0].length;
    rest.lastIndex = nameEnd;
    const pair = rest.exec(text);
    if (pair === null) continue;
    const [whole, separator = '', quote = ''] = pair;
    out += `${text.slice(copied, nameEnd)}${separator}${quote}${REDACTED}`;
    copied = nameEnd + whole.length;
    names.lastIndex = copied;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Characters a key, signature or token is made of: a run of them cut by the limit is dropped whole. */
function isTokenChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || // 0-9
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x61 && code <= 0x7a) || // a-z
    code === 0x2b || // +
    code === 0x2d || // -
    code === 0x2e || // .
    code === 0x2f || // /
    code === 0x3d || // =
    code === 0x5f // _
  );
}

/**
 * `text` cut to MAX_LOGGED_CHARS, before any rule runs. The token the cut falls in is dropped entirely: its first
 * half alone might be too short to look like a key, or miss a known secret's full value, and would then be logged.
 */
function capForLog(text: string): string {
  if (text.length <= MAX_LOGGED_CHARS) return text;
  let end = MAX_LOGGED_CHARS;
  if (isTokenChar(text.charCodeAt(end))) while (end > 0 && isTokenChar(text.charCodeAt(end - 1))) end -= 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…[${text.length - end} more characters not logged]`;
}

export function redactString(text: string, secrets: readonly string[] = []): string {
  let result = capForLog(text);
  for (const secret of secrets) result = result.split(secret).join(REDACTED);
  return maskSecretPairs(result).replace(KEY_LIKE, REDACTED).replace(HEX_LIKE, REDACTED);
}

/** Booleans and empty values under a secret name say only whether one is set, which support needs to know. */
function maskValue(value: unknown): unknown {
  return value === null || value === undefined || typeof value === 'boolean' ? value : REDACTED;
}

const OMITTED = '[omitted: log entry too large]';

class Redactor {
  private readonly seen = new WeakMap<object, unknown>();
  private budget = MAX_LOGGED_VALUES;

  constructor(private readonly secrets: readonly string[]) {}

  value(value: unknown, depth: number): unknown {
    if (this.budget <= 0) return OMITTED;
    this.budget -= 1;
    if (typeof value === 'string') return redactString(value, this.secrets);
    if (typeof value !== 'object' || value === null) return value;
    if (this.seen.has(value)) return this.seen.get(value);
    if (depth >= MAX_DEPTH) return '[nested too deep]';
    if (value instanceof Date || value instanceof RegExp) return value;
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[binary, ${value.byteLength} bytes]`;
    if (value instanceof URL || value instanceof URLSearchParams) return redactString(value.toString(), this.secrets);
    if (typeof Headers !== 'undefined' && value instanceof Headers) return this.entries(value.entries(), depth);
    if (value instanceof Map) return this.map(value, depth);
    if (value instanceof Set) return this.set(value, depth);
    if (Array.isArray(value)) return this.array(value, depth);
    if (value instanceof Error) return this.error(value, depth);
    return this.object(value, depth);
  }

  /** True once the entry's budget is used up: containers stop there and say so. */
  private get spent(): boolean {
    return this.budget <= 0;
  }

  private property(name: string, value: unknown, depth: number): unknown {
    return isSecretName(name) ? maskValue(value) : this.value(value, depth + 1);
  }

  /** A property name, which may come from outside like any value: cut and masked as text. */
  private key(name: string): string {
    return redactString(name, this.secrets);
  }

  private entries(entries: Iterable<[string, unknown]>, depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [name, value] of entries) {
      if (this.spent) return { ...result, '…': OMITTED };
      result[this.key(name)] = this.property(name, value, depth);
    }
    return result;
  }

  // Each container is registered before its children are visited, so a cycle points back at the copy.
  private array(array: readonly unknown[], depth: number): unknown[] {
    const result: unknown[] = [];
    this.seen.set(array, result);
    for (const item of array) {
      if (this.spent) {
        result.push(OMITTED);
        break;
      }
      result.push(this.value(item, depth + 1));
    }
    return result;
  }

  private set(set: ReadonlySet<unknown>, depth: number): Set<unknown> {
    const result = new Set<unknown>();
    this.seen.set(set, result);
    for (const item of set) {
      if (this.spent) {
        result.add(OMITTED);
        break;
      }
      result.add(this.value(item, depth + 1));
    }
    return result;
  }

  private map(map: Map<unknown, unknown>, depth: number): Map<unknown, unknown> {
    const result = new Map<unknown, unknown>();
    this.seen.set(map, result);
    for (const [key, value] of map) {
      if (this.spent) {
        result.set('…', OMITTED);
        break;
      }
      result.set(
        this.value(key, depth + 1),
        typeof key === 'string' ? this.property(key, value, depth) : this.value(value, depth + 1),
      );
    }
    return result;
  }

  private object(value: object, depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.seen.set(value, result);
    for (const name of Object.keys(value)) {
      if (this.spent) {
        result['…'] = OMITTED;
        break;
      }
      let property: unknown;
      try {
        property = (value as Record<string, unknown>)[name];
      } catch {
        property = '[getter threw]';
      }
      result[this.key(name)] = this.property(name, property, depth);
    }
    return result;
  }

  /** A copy that is still an Error of the same class (so log formatters print its stack), with text masked. */
  private error(error: Error, depth: number): Error {
    const copy = new Error(redactString(error.message, this.secrets));
    Object.setPrototypeOf(copy, Object.getPrototypeOf(error) as object);
    this.seen.set(error, copy);
    const target = copy as unknown as Record<string, unknown>;
    if (error.stack !== undefined) target['stack'] = redactString(error.stack, this.secrets);
    if (Object.hasOwn(error, 'name')) target['name'] = this.value(error.name, depth + 1);
    if (error.cause !== undefined) target['cause'] = this.value(error.cause, depth + 1);
    for (const name of Object.keys(error)) {
      if (name === 'message' || name === 'stack' || name === 'cause') continue;
      if (this.spent) break;
      target[this.key(name)] = this.property(name, (error as unknown as Record<string, unknown>)[name], depth);
    }
    return copy;
  }
}

/** A masked copy of `value` (strings, objects, arrays, Maps, Sets, Headers, Errors, cycles), safe to log. */
export function redact(value: unknown, options: RedactOptions = {}): unknown {
  const secrets = [...(options.secrets ?? [])].filter((secret) => secret.length >= MIN_KNOWN_SECRET_LENGTH);
  // Longest first, so a secret that contains another is masked whole.
  secrets.sort((a, b) => b.length - a.length);
  return new Redactor(secrets).value(value, 0);
}
