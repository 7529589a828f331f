// Field errors as the window shows them: led by the field's label in the operator's language, never by a code name
// (issue 11: "address：", "appId：", "meeting：", "kind：" in zh-CN). The validators keep the code name for the CLI.
import { describe, expect, it } from 'vitest';
import {
  secretKeyRequired,
  validateAppId,
  validateOperatorId,
  validateSdkId,
  validateSecretId,
} from '../../common/credentials';
import { validateEndpoint } from '../../common/endpoint';
import { fieldLabel, FIELD_LABELS, withFieldLabel } from '../../common/field-labels';
import { LOCALES } from '../../common/locale';
import { parseMeetingNumber } from '../../common/meeting-number';
import { roomInputErrors, validateRoomTags } from '../../common/room-input';
import enUS from '../../renderer/src/i18n/en-US';
import zhCN from '../../renderer/src/i18n/zh-CN';

const MESSAGES = { 'zh-CN': zhCN, 'en-US': enUS } as const;

describe('field labels', () => {
  it('read exactly as the labels the forms show above the fields, in both languages', () => {
    for (const locale of LOCALES) {
      const m = MESSAGES[locale];
      const shown: Record<string, string> = {
        ...m.rooms.fields,
        appId: m.settings.appId,
        sdkId: m.settings.sdkId,
        secretId: m.settings.secretId,
        secretKey: m.settings.secretKey,
        operatorId: m.settings.operatorId,
        endpoint: m.settings.endpoint,
        instanceId: m.settings.instanceId,
        locale: m.settings.language,
        maxConcurrentDials: m.settings.maxConcurrent,
        meeting: m.meeting.label,
        since: m.history.since,
        until: m.history.until,
        outcome: m.history.filterOutcome,
      };
      for (const [field, label] of Object.entries(shown)) expect(FIELD_LABELS[field]?.[locale], field).toBe(label);
    }
  });

  it('lead every room, credentials, endpoint and meeting error instead of its code name', () => {
    const errors = [
      ...roomInputErrors({ name: '', kind: 'sip', address: 'a b', location: 'x\ny', tags: ['a\tb'], notes: 1 }),
      ...roomInputErrors({ name: 'R', kind: 'fax' }),
      ...roomInputErrors({ name: 'R', kind: 'rooms', meetingRoomId: '会议室' }),
      ...[
        validateAppId('abc'),
        validateSdkId('x'),
        validateSecretId('a b'),
        secretKeyRequired(),
        validateOperatorId(''),
        validateEndpoint('ftp://x'),
        parseMeetingNumber('12345', 'meeting'),
      ].flatMap((result) => (result.ok ? [] : [result.error])),
    ];
    expect(errors.map((error) => error.field)).toEqual(
      expect.arrayContaining([
        'name',
        'address',
        'location',
        'tags[0]',
        'notes',
        'kind',
        'meetingRoomId',
        'appId',
        'meeting',
      ]),
    );
    for (const error of errors) {
      const labelled = withFieldLabel(error.field, error.message);
      for (const locale of LOCALES) {
        const label = fieldLabel(error.field)?.[locale];
        expect(label, error.field).toBeTruthy();
        expect(labelled[locale].startsWith(`${label}${locale === 'zh-CN' ? '：' : ': '}`), labelled[locale]).toBe(true);
      }
    }
  });

  it('zh-CN and en-US read as an operator says it', () => {
    const address = roomInputErrors({ name: 'R', kind: 'sip', address: 'room 101@sip.example.com' })[0];
    expect(address && withFieldLabel(address.field, address.message)).toEqual({
      'zh-CN': '地址：中间不能有空格或换行',
      'en-US': 'Address: must not contain spaces or line breaks',
    });
  });

  it('numbers a list entry, drops the prefix of a CSV row, and leaves an unknown code as it is', () => {
    const tag = validateRoomTags(['ok', 'x'.repeat(40)]);
    expect(tag.ok).toBe(false);
    if (!tag.ok) {
      expect(withFieldLabel(tag.error.field, tag.error.message)['en-US']).toMatch(/^Tags #2: tag "x{10}…" is too long/);
      expect(withFieldLabel(tag.error.field, tag.error.message)['zh-CN']).toMatch(/^标签（第 2 个）：/);
    }
    expect(withFieldLabel('row', { 'zh-CN': 'row：引号没有成对', 'en-US': 'row: a quote is not closed' })).toEqual({
      'zh-CN': '引号没有成对',
      'en-US': 'a quote is not closed',
    });
    const foreign = {
      'zh-CN': 'colour：不是可以填写的会议室字段',
      'en-US': 'colour: is not a room field that can be set',
    };
    expect(withFieldLabel('colour', foreign)).toBe(foreign);
    expect(withFieldLabel('__proto__', foreign)).toBe(foreign);
    // Only a leading code name is replaced: a message that mentions the field later is left alone.
    const other = { 'zh-CN': '缺少 --meeting', 'en-US': '--meeting is required' };
    expect(withFieldLabel('meeting', other)).toEqual(other);
  });
});
