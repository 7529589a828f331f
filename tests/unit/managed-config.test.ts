// IT's managed configuration as a file: the schema (and its committed JSON-schema twin), where each OS keeps it, the
// Windows policy key read through reg.exe, what a bad file is told as, and which setting changes a lock refuses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { managedConfigJsonSchema, managedConfigSchema, managedSettingsOf } from '../../common/managed-config';
import { refuseLockedSettings } from '../../main/managed/locked-settings';
import { checkConfigText } from '../../main/managed/load-policy';
import { MANAGED_CONFIG_ENV, policyLocation } from '../../main/managed/policy-location';
import {
  parseRegQuery,
  policyFromValues,
  readRegistryPolicy,
  type RegQueryResult,
} from '../../main/managed/registry-policy';
import { expectInvalid } from '../helpers/validated';

const ROOT = path.join(import.meta.dirname, '..', '..');

describe('the managed configuration schema', () => {
  it('is committed as docs/managed-config.schema.json, equal to what the zod schema derives', () => {
    const committed: unknown = JSON.parse(readFileSync(path.join(ROOT, 'docs', 'managed-config.schema.json'), 'utf8'));
    // When this fails after a change to common/managed-config.ts: npx tsx scripts/managed-schema.ts
    expect(committed).toEqual(managedConfigJsonSchema());
  });

  it("accepts docs/DEPLOYMENT.md's example as it stands", () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'DEPLOYMENT.md'), 'utf8');
    const example = /```json managed\.json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const parsed = managedConfigSchema.safeParse(JSON.parse(example as string));
    expect(parsed.success).toBe(true);
  });

  it('names the bad field of a file in both languages', () => {
    const cases: [string, RegExp, RegExp][] = [
      [
        '{"version": 1, "requestsPerMinute": 500}',
        /requestsPerMinute: must be at most 300/,
        /requestsPerMinute：不能大于 300/,
      ],
      [
        '{"version": 1, "requestPerMinute": 100}',
        /requestPerMinute: is not a known field/,
        /requestPerMinute：不是已知字段/,
      ],
      [
        '{"version": 1, "endpoint": "http://gw.example.com"}',
        /endpoint: must be an https:\/\/ API address/,
        /endpoint：必须是 https/,
      ],
      ['{"requestsPerMinute": 100}', /version: is required/, /version：必须填写/],
      [
        '{"version": 1, "addressBook": {"url": "https://it.example.com/a.csv", "path": "/x"}}',
        /addressBook: give either url or path/,
        /addressBook：必须填写 url 或 path 其中之一/,
      ],
      [
        '{"version": 1, "profiles": {"default": {"appId": "12ab"}}}',
        /profiles\.default\.appId: has the wrong format/,
        /profiles\.default\.appId：格式不正确/,
      ],
      ['{"version": 1,', /it is not valid JSON/, /不是有效的 JSON/],
    ];
    for (const [text, en, zh] of cases) {
      const checked = checkConfigText(text);
      expect(checked.ok, text).toBe(false);
      if (checked.ok) continue;
      expect(checked.why['en-US']).toMatch(en);
      expect(checked.why['zh-CN']).toMatch(zh);
    }
    expect(checkConfigText('\uFEFF{"version": 1, "locale": "zh-CN"}')).toMatchObject({ ok: true });
  });

  it("takes a profile's own endpoint over the top-level one, as the store writes it", () => {
    const config = managedConfigSchema.parse({
      version: 1,
      endpoint: 'https://gw.example.com/api/',
      requestsPerMinute: 100,
      profiles: { default: { appId: '200000001' }, branch: { appId: '200000002', endpoint: 'https://b.example.com' } },
    });
    expect(managedSettingsOf(config, 'default')).toEqual({
      endpoint: 'https://gw.example.com/api',
      requestsPerMinute: 100,
    });
    expect(managedSettingsOf(config, 'branch')).toMatchObject({ endpoint: 'https://b.example.com' });
    expect(managedSettingsOf(undefined, 'default')).toEqual({});
  });
});

describe('where the managed configuration is', () => {
  it('is the OS location, or the override, which must then exist', () => {
    expect(policyLocation('linux', {})).toEqual({
      kind: 'file',
      path: '/etc/room-dialer/managed.json',
      required: false,
    });
    expect(policyLocation('darwin', {})).toMatchObject({
      path: '/Library/Application Support/Room Dialer/managed.json',
    });
    expect(policyLocation('win32', { ProgramData: 'D:\\ProgramData' })).toEqual({
      kind: 'registry-then-file',
      key: 'HKLM\\Software\\Policies\\Room Dialer',
      path: 'D:\\ProgramData\\Room Dialer\\managed.json',
    });
    expect(policyLocation('win32', {})).toMatchObject({ path: 'C:\\ProgramData\\Room Dialer\\managed.json' });
    expect(policyLocation('win32', { [MANAGED_CONFIG_ENV]: ' /tmp/m.json ' })).toEqual({
      kind: 'file',
      path: '/tmp/m.json',
      required: true,
    });
  });
});

// reg.exe's output layout (a blank line, the key, values indented four spaces with four spaces between name, type and
// data, subkeys unindented), as Windows 10/11 print it. Written from that documented layout: no Windows machine here.
const REG_OUTPUT = [
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\Room Dialer',
  '    ManagedConfigFile    REG_EXPAND_SZ    %ProgramData%\\Room Dialer\\it config\\managed.json',
  '    Comment    REG_SZ    pushed by GPO    on 2026-11-22',
  '    Empty    REG_SZ    ',
  '    Version    REG_DWORD    0x1',
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\Room Dialer\\Old',
  '',
].join('\r\n');

describe('the Windows policy key (reg.exe query)', () => {
  const key = 'HKLM\\Software\\Policies\\Room Dialer';

  it('reads every value, data with spaces and empty data included, and no subkey', () => {
    expect(parseRegQuery(REG_OUTPUT)).toEqual([
      {
        name: 'ManagedConfigFile',
        type: 'REG_EXPAND_SZ',
        data: '%ProgramData%\\Room Dialer\\it config\\managed.json',
      },
      { name: 'Comment', type: 'REG_SZ', data: 'pushed by GPO    on 2026-11-22' },
      { name: 'Empty', type: 'REG_SZ', data: '' },
      { name: 'Version', type: 'REG_DWORD', data: '0x1' },
    ]);
  });

  it('expands ManagedConfigFile, prefers it to inline JSON, and reports a value it cannot use', () => {
    const env = { PROGRAMDATA: 'C:\\ProgramData' };
    expect(policyFromValues(parseRegQuery(REG_OUTPUT), key, env)).toEqual({
      kind: 'file',
      path: 'C:\\ProgramData\\Room Dialer\\it config\\managed.json',
      value: `${key}\\ManagedConfigFile`,
    });
    const inline = [{ name: 'ManagedConfig', type: 'REG_SZ', data: '{"version":1}' }];
    expect(policyFromValues(inline, key, env)).toMatchObject({ kind: 'inline', text: '{"version":1}' });
    const dword = [{ name: 'ManagedConfig', type: 'REG_DWORD', data: '0x1' }];
    expect(policyFromValues(dword, key, env)).toMatchObject({ kind: 'problem' });
    const garbled = [{ name: 'ManagedConfigFile', type: 'REG_SZ', data: 'C:\\\uFFFD\uFFFD\\managed.json' }];
    const problem = policyFromValues(garbled, key, env);
    expect(problem.kind === 'problem' && problem.detail['en-US']).toMatch(/ASCII only/);
    expect(policyFromValues([], key, env)).toEqual({ kind: 'absent' });
  });

  it('takes exit 1 as "no policy" and any other failure as a problem', async () => {
    const answer = (result: RegQueryResult) => async () => result;
    expect(await readRegistryPolicy(answer({ code: 1, stdout: '' }), key, {})).toEqual({ kind: 'absent' });
    const timedOut = await readRegistryPolicy(answer({ code: null, stdout: '', error: 'timed out' }), key, {});
    expect(timedOut).toMatchObject({ kind: 'problem' });
    expect(await readRegistryPolicy(answer({ code: 0, stdout: REG_OUTPUT }), key, {})).toMatchObject({ kind: 'file' });
  });
});

describe('locked settings', () => {
  const locked = { endpoint: 'https://gw.example.com/api', requestsPerMinute: 100 };

  it('refuses a change to a value IT set, naming it in both languages', () => {
    expectInvalid(
      refuseLockedSettings({ requestsPerMinute: 200 }, locked),
      'requestsPerMinute',
      /set by your IT department; it cannot be changed here/,
      /由 IT 部门设置，不能在这里更改/,
    );
    expectInvalid(refuseLockedSettings({ endpoint: 'https://api.meeting.qq.com' }, locked), 'endpoint');
  });

  it('lets the same value through (the form sends every field), and every other setting', () => {
    expect(refuseLockedSettings({ endpoint: 'https://gw.example.com/api/', requestsPerMinute: 100 }, locked).ok).toBe(
      true,
    );
    expect(refuseLockedSettings({ locale: 'zh-CN', pollIntervalMs: 3000 }, locked).ok).toBe(true);
  });
});
