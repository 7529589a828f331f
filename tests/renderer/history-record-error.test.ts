// History keeps a failed call's error in both languages, "<zh-CN> / <en-US>" (main/calls/call-history.ts); the
// window shows one (issue 11: "会议室呼叫失败（10004） / The room call failed (10004)" in one cell).
import { describe, expect, it } from 'vitest';
import { recordErrorText } from '../../renderer/src/history/record-error';

const both = (errorMessage: string | undefined) => ({
  zh: recordErrorText({ errorMessage }, 'zh-CN'),
  en: recordErrorText({ errorMessage }, 'en-US'),
});

describe('recordErrorText', () => {
  it('shows the half in the language on screen', () => {
    expect(both('会议室呼叫失败（10004） / The room call failed (10004)')).toEqual({
      zh: '会议室呼叫失败（10004）',
      en: 'The room call failed (10004)',
    });
  });

  it("breaks at the languages' seam, not at a ' / ' inside Tencent's Chinese text", () => {
    const zh = '未知错误（123456：参数错误 / 请稍后再试）';
    const en = 'Unknown error (123456: 参数错误 / 请稍后再试)';
    expect(both(`${zh} / ${en}`)).toEqual({ zh, en });
  });

  it('shows an English half cut short at the 1,000-character limit as far as it goes', () => {
    expect(both('无法连接 / Cannot reach the Tencent Meeting API at http://exa…').en).toBe(
      'Cannot reach the Tencent Meeting API at http://exa…',
    );
  });

  it('shows text written another way as it is, and nothing for a call without an error', () => {
    expect(both('busy')).toEqual({ zh: 'busy', en: 'busy' });
    expect(both('SIP / H.323 gateway busy')).toEqual({
      zh: 'SIP / H.323 gateway busy',
      en: 'SIP / H.323 gateway busy',
    });
    expect(both(undefined)).toEqual({ zh: '', en: '' });
  });
});
