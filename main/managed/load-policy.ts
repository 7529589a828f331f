// Reading IT's managed configuration at start (policy-location.ts says where): checked against the schema in
// common/managed-config.ts, and kept as "the last good copy" in the user-data folder. A file that is there but cannot
// be used (bad JSON, a field out of range, a share that does not answer) gets a notice naming the problem, and the
// app runs on the last good copy, so one bad edit by IT does not unlock every desk. No file at its OS location
// means the desk is not managed (any last good copy is then removed: IT withdrew the policy).
//
// The last good copy sits in a folder the operator can write to; so does config.json, which holds every setting
// anyway. It is a fallback for IT's mistakes, not a security boundary.
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import {
  MANAGED_CONFIG_MAX_BYTES,
  MANAGED_RULE_MESSAGES,
  managedConfigSchema,
  type ManagedConfig,
} from '../../common/managed-config';
import type { Localized } from '../../common/locale';
import type { FieldError } from '../../common/validation';
import { fieldErrorFromZod } from '../store/field-error';
import { withoutBom, writeFileAtomically } from '../store/store-file';
import type { PolicyLocation } from './policy-location';
import { readRegistryPolicy, type RegQuery } from './registry-policy';

export const LAST_GOOD_CONFIG_FILE = 'managed.last-good.json';

/** Something the operator (and IT, reading the log) should be told once. `path` is the file concerned. */
export interface ManagedNotice {
  readonly message: Localized;
  readonly path: string;
}

export interface LoadedPolicy {
  /** undefined: not managed (no file, or a bad one with no good copy to fall back on). */
  readonly config: ManagedConfig | undefined;
  /** Where the configuration in force came from: the path or registry value IT set. */
  readonly source: string;
  readonly fromLastGoodCopy: boolean;
  /** IT's configuration is there but could not be used (a last good copy may stand in). Not the same as "none". */
  readonly unusable: boolean;
  readonly notices: readonly ManagedNotice[];
}

interface LastGoodCopy {
  readonly savedAt: string;
  readonly source: string;
  readonly config: unknown;
}

/** The first problem of a bad file, named by its field (`requestsPerMinute: must be at most 300`). */
export function describeConfigIssue(error: z.ZodError): FieldError {
  const issue = error.issues[0];
  const rule = issue?.code === 'custom' ? issue.params?.['rule'] : undefined;
  const meaning = typeof rule === 'string' ? MANAGED_RULE_MESSAGES[rule] : undefined;
  const generic = fieldErrorFromZod(error, 'managed.json');
  if (!meaning) return generic;
  const field = generic.field;
  return { field, message: { 'zh-CN': `${field}：${meaning.zh}`, 'en-US': `${field}: ${meaning.en}` } };
}

type Checked = { readonly ok: true; readonly config: ManagedConfig } | { readonly ok: false; readonly why: Localized };

/** The text of a managed.json checked: JSON, then the schema. Never quotes more than 200 characters of it. */
export function checkConfigText(text: string): Checked {
  let json: unknown;
  try {
    json = JSON.parse(withoutBom(text));
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    return { ok: false, why: { 'zh-CN': `不是有效的 JSON（${why}）`, 'en-US': `it is not valid JSON (${why})` } };
  }
  // zod would say "must be one of 1" about a version left out, which reads as if a wrong one had been given.
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && !('version' in json)) {
    return { ok: false, why: { 'zh-CN': 'version：必须填写（文件格式版本 1）', 'en-US': 'version: is required (1)' } };
  }
  const parsed = managedConfigSchema.safeParse(json);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, why: describeConfigIssue(parsed.error).message };
}

type Read = { readonly kind: 'missing' } | { readonly kind: 'text'; readonly text: string } | Unusable;
type Unusable = { readonly kind: 'unusable'; readonly why: Localized };

async function readConfigFile(file: string): Promise<Read> {
  try {
    const info = await stat(file);
    if (!info.isFile()) {
      return { kind: 'unusable', why: { 'zh-CN': '它不是一个文件', 'en-US': 'it is not a file' } };
    }
    if (info.size > MANAGED_CONFIG_MAX_BYTES) {
      const kib = MANAGED_CONFIG_MAX_BYTES / 1024;
      return {
        kind: 'unusable',
        why: { 'zh-CN': `文件过大（最多 ${kib} KiB）`, 'en-US': `it is too large (at most ${kib} KiB)` },
      };
    }
    return { kind: 'text', text: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unusable', why: { 'zh-CN': `无法读取（${code}）`, 'en-US': `it could not be read (${code})` } };
  }
}

export interface LoadPolicyOptions {
  readonly location: PolicyLocation;
  /** app.getPath('userData'): where the last good copy is kept. */
  readonly userDataDir: string;
  readonly env: Readonly<NodeJS.ProcessEnv>;
  /** reg.exe on Windows (registry-policy.ts); only asked for a 'registry-then-file' location. */
  readonly regQuery?: RegQuery;
  readonly now: () => Date;
}

/** What to read: the registry's inline JSON, or a file that must or may exist. Problems on the way are notices. */
async function resolveSource(
  options: LoadPolicyOptions,
  notices: ManagedNotice[],
): Promise<{ source: string; read: Read; required: boolean }> {
  const { location } = options;
  if (location.kind === 'file') {
    return { source: location.path, read: await readConfigFile(location.path), required: location.required };
  }
  if (options.regQuery) {
    const policy = await readRegistryPolicy(options.regQuery, location.key, options.env);
    if (policy.kind === 'inline')
      return { source: policy.value, read: { kind: 'text', text: policy.text }, required: true };
    if (policy.kind === 'file') return { source: policy.path, read: await readConfigFile(policy.path), required: true };
    if (policy.kind === 'problem') {
      notices.push({
        message: {
          'zh-CN': `IT 的组策略设置无法使用：${policy.detail['zh-CN']}。改用 ${location.path}（如果存在）。`,
          'en-US': `IT's Group Policy setting could not be used: ${policy.detail['en-US']}. ${location.path} is used instead, if it exists.`,
        },
        path: location.key,
      });
    }
  }
  return { source: location.path, read: await readConfigFile(location.path), required: false };
}

export async function loadManagedPolicy(options: LoadPolicyOptions): Promise<LoadedPolicy> {
  const notices: ManagedNotice[] = [];
  const lastGoodPath = path.join(options.userDataDir, LAST_GOOD_CONFIG_FILE);
  const { source, read, required } = await resolveSource(options, notices);

  if (read.kind === 'missing' && !required) {
    // Not managed (any more): a copy kept from earlier must not come back the day the file is damaged.
    await rm(lastGoodPath, { force: true }).catch(() => undefined);
    return { config: undefined, source, fromLastGoodCopy: false, unusable: false, notices };
  }
  const checked: Checked =
    read.kind === 'text'
      ? checkConfigText(read.text)
      : read.kind === 'missing'
        ? { ok: false, why: { 'zh-CN': '文件不存在', 'en-US': 'the file does not exist' } }
        : { ok: false, why: read.why };
  if (checked.ok) {
    await saveLastGoodCopy(lastGoodPath, source, checked.config, options.now());
    return { config: checked.config, source, fromLastGoodCopy: false, unusable: false, notices };
  }

  const copy = await readLastGoodCopy(lastGoodPath);
  const copyText = copy
    ? {
        'zh-CN': `Room Dialer 使用 ${copy.savedAt} 保存的上一份有效配置（${lastGoodPath}）。`,
        'en-US': `Room Dialer uses the last good copy, saved ${copy.savedAt} (${lastGoodPath}).`,
      }
    : {
        'zh-CN': '没有可用的上一份有效配置：本次启动不受统一配置管理。',
        'en-US': 'There is no earlier good copy: Room Dialer started without the managed configuration.',
      };
  notices.push({
    message: {
      'zh-CN': `IT 的统一配置 ${source} 无法使用：${checked.why['zh-CN']}。${copyText['zh-CN']}请联系 IT 部门。`,
      'en-US': `IT's managed configuration ${source} could not be used: ${checked.why['en-US']}. ${copyText['en-US']} Please tell your IT department.`,
    },
    path: source,
  });
  return copy
    ? { config: copy.config, source: copy.source, fromLastGoodCopy: true, unusable: true, notices }
    : { config: undefined, source, fromLastGoodCopy: false, unusable: true, notices };
}

async function readLastGoodCopy(
  file: string,
): Promise<{ config: ManagedConfig; savedAt: string; source: string } | undefined> {
  const read = await readConfigFile(file);
  if (read.kind !== 'text') return undefined;
  try {
    const copy = JSON.parse(read.text) as Partial<LastGoodCopy>;
    const parsed = managedConfigSchema.safeParse(copy.config);
    if (!parsed.success || typeof copy.savedAt !== 'string' || typeof copy.source !== 'string') return undefined;
    return { config: parsed.data, savedAt: copy.savedAt, source: copy.source };
  } catch {
    return undefined;
  }
}

/** Kept only when it changed, so an unchanged file at every start writes nothing. Not fatal when it fails. */
async function saveLastGoodCopy(file: string, source: string, config: ManagedConfig, at: Date): Promise<void> {
  const kept = await readLastGoodCopy(file);
  if (kept && kept.source === source && isDeepStrictEqual(kept.config, config)) return;
  const copy: LastGoodCopy = { savedAt: at.toISOString(), source, config };
  try {
    writeFileAtomically(file, JSON.stringify(copy, undefined, '\t'));
  } catch {
    // The configuration in force is fine; only the fallback for a later bad file is missing.
  }
}
