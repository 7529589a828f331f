// Windows only: the managed configuration named by Group Policy under HKLM\Software\Policies\Room Dialer, read with
// `reg.exe query` (a child process: reading the registry from Node needs a native module otherwise, and keytar is
// the one native module the app ships). Two values are understood:
//   ManagedConfigFile  REG_SZ or REG_EXPAND_SZ  the path of a managed.json (a share is fine: \\server\it\managed.json)
//   ManagedConfig      REG_SZ                   the managed.json itself, on one line
// ManagedConfigFile wins when both are set. Without the key (reg.exe exits 1) the ProgramData file is used.
//
// reg.exe prints in the console's code page, not UTF-8: the parser reads ASCII reliably, and a value whose
// characters did not survive (U+FFFD) is reported rather than guessed at. Keep non-ASCII text in the file.
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Localized } from '../../common/locale';

export interface RegistryValue {
  readonly name: string;
  /** REG_SZ, REG_EXPAND_SZ, REG_DWORD… as reg.exe names it. */
  readonly type: string;
  /** As reg.exe prints it (REG_DWORD as 0x…, REG_MULTI_SZ with \0 between the strings). */
  readonly data: string;
}

/**
 * The values of one key in `reg.exe query <key>` output. Value lines are indented four spaces and have four
 * spaces between name, type and data; the key's own line and subkeys are not indented. The data is the rest of the
 * line, so it may contain spaces (paths under "Program Files").
 */
export function parseRegQuery(stdout: string): RegistryValue[] {
  const values: RegistryValue[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^ {4}(\S.*?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/.exec(line);
    if (!match) continue;
    values.push({ name: match[1] as string, type: match[2] as string, data: match[3] ?? '' });
  }
  return values;
}

export type RegistryPolicy =
  | { readonly kind: 'absent' }
  | { readonly kind: 'file'; readonly path: string; readonly value: string }
  | { readonly kind: 'inline'; readonly text: string; readonly value: string }
  | { readonly kind: 'problem'; readonly detail: Localized };

/** %ProgramData% and the like, as Windows expands a REG_EXPAND_SZ. Unknown names stay as written. */
function expand(text: string, env: Readonly<NodeJS.ProcessEnv>): string {
  const upper = new Map(Object.entries(env).map(([key, value]) => [key.toUpperCase(), value]));
  return text.replace(/%([^%]+)%/g, (whole, name: string) => upper.get(name.toUpperCase()) ?? whole);
}

const STRING_TYPES = new Set(['REG_SZ', 'REG_EXPAND_SZ']);

/** What the key's values say, for `key` as it appears in messages. */
export function policyFromValues(
  values: readonly RegistryValue[],
  key: string,
  env: Readonly<NodeJS.ProcessEnv>,
): RegistryPolicy {
  const find = (name: string) => values.find((value) => value.name.toLowerCase() === name.toLowerCase());
  const file = find('ManagedConfigFile');
  const inline = find('ManagedConfig');
  const chosen = file ?? inline;
  if (!chosen) return { kind: 'absent' };
  const where = `${key}\\${chosen.name}`;
  if (!STRING_TYPES.has(chosen.type)) {
    return {
      kind: 'problem',
      detail: {
        'zh-CN': `${where} 的类型是 ${chosen.type}，应为 REG_SZ`,
        'en-US': `${where} is a ${chosen.type}; it must be a REG_SZ`,
      },
    };
  }
  if (chosen.data.includes('\uFFFD')) {
    return {
      kind: 'problem',
      detail: {
        'zh-CN': `${where} 含有 reg.exe 无法传出的字符；请只用英文字符，或把内容放进 managed.json 文件`,
        'en-US': `${where} holds characters reg.exe could not pass on; use ASCII only, or put the content in a managed.json file`,
      },
    };
  }
  if (chosen.data.trim() === '') {
    return {
      kind: 'problem',
      detail: { 'zh-CN': `${where} 是空的`, 'en-US': `${where} is empty` },
    };
  }
  if (chosen === file) {
    const expanded = expand(chosen.data.trim(), env);
    return { kind: 'file', path: path.win32.normalize(expanded), value: where };
  }
  return { kind: 'inline', text: chosen.data, value: where };
}

export interface RegQueryResult {
  /** reg.exe's exit code; 1 when the key does not exist. null when it could not be run or timed out. */
  readonly code: number | null;
  readonly stdout: string;
  readonly error?: string;
}

/** Runs `reg.exe query <key> /reg:64` (the 64-bit view, where Group Policy writes). */
export type RegQuery = (key: string) => Promise<RegQueryResult>;

export function regExeQuery(env: Readonly<NodeJS.ProcessEnv>): RegQuery {
  // By full path: a reg.exe earlier on PATH (or in the working folder) must not answer for the real one.
  const systemRoot = env['SystemRoot']?.trim() || env['windir']?.trim() || 'C:\\Windows';
  const regExe = path.win32.join(systemRoot, 'System32', 'reg.exe');
  return (key) =>
    new Promise((resolve) => {
      execFile(
        regExe,
        ['query', key, '/reg:64'],
        { windowsHide: true, timeout: 5000, maxBuffer: 1024 * 1024, encoding: 'utf8' },
        (error, stdout) => {
          if (!error) return resolve({ code: 0, stdout });
          const code = typeof error.code === 'number' ? error.code : null;
          resolve({ code, stdout, error: error.message.slice(0, 200) });
        },
      );
    });
}

/** The policy under `key`: absent when reg.exe says the key is not there (exit 1). */
export async function readRegistryPolicy(
  query: RegQuery,
  key: string,
  env: Readonly<NodeJS.ProcessEnv>,
): Promise<RegistryPolicy> {
  const result = await query(key);
  if (result.code === 1) return { kind: 'absent' };
  if (result.code !== 0) {
    const why = result.error ?? `exit ${String(result.code)}`;
    return {
      kind: 'problem',
      detail: {
        'zh-CN': `无法读取注册表 ${key}（reg.exe：${why}）`,
        'en-US': `the registry key ${key} could not be read (reg.exe: ${why})`,
      },
    };
  }
  return policyFromValues(parseRegQuery(result.stdout), key, env);
}
