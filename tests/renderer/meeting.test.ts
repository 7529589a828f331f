// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { meetingDigits, meetingFieldText, meetingFromPaste } from '../../renderer/src/meeting/meeting-input';
import { useMeetingStore } from '../../renderer/src/stores/meeting';
import { MEETING } from './fixtures';
import { fail, installFakeApi, ipcError, ok, type FakeApi } from './helpers/fake-api';

describe('meeting field text', () => {
  it('groups a code as 123-456-789 while it is typed, and leaves a meeting ID whole', () => {
    expect(['8', '806', '8061', '806146', '8061466', '806146667'].map(meetingFieldText)).toEqual([
      '8',
      '806',
      '806-1',
      '806-146',
      '806-146-6',
      '806-146-667',
    ]);
    expect(meetingFieldText('806 146 667')).toBe('806-146-667');
    expect(meetingFieldText('７５６７１７３２７３８８９２７６１３１')).toBe('7567173273889276131');
    expect(meetingFieldText('80614a')).toBe('80614a'); // left for the validator to explain
  });

  it('takes the meeting number out of a pasted invitation', () => {
    expect(meetingFromPaste('#腾讯会议：806-146-667\n会议主题：周会')).toBe('806-146-667');
    expect(meetingFromPaste('Meeting ID 7567173273889276131, join now')).toBe('7567173273889276131');
    expect(meetingFromPaste(' 806146667 ')).toBe('806-146-667');
    // Two numbers: the operator must choose; nothing is guessed.
    expect(meetingFromPaste('806-146-667 or 123-456-789')).toBe('806-146-667 or 123-456-789');
  });

  it('gives the digits to look up only for a number', () => {
    expect(meetingDigits('806-146-667')).toBe('806146667');
    expect(meetingDigits('abc')).toBe('');
  });
});

describe('meeting store', () => {
  let fake: FakeApi;
  beforeEach(() => {
    setActivePinia(createPinia());
    fake = installFakeApi();
  });

  it('shows an invalid number inline and asks main nothing', async () => {
    const meeting = useMeetingStore();
    meeting.setInput('80614');
    expect(await meeting.lookup()).toBe(false);
    // Led by the field's label, not its code name (issue 11).
    expect(meeting.problem?.message['en-US']).toBe(
      'Meeting code or meeting ID: a meeting code has 9 digits, but 5 were given',
    );
    expect(meeting.problem?.message['zh-CN']).toMatch(/^会议号或会议 ID：/);
    expect(fake.lookupMeeting).not.toHaveBeenCalled();
    expect(meeting.dialRef).toBeNull();
  });

  it('looks a code up, then offers it for dialing and refreshes the recent list', async () => {
    fake.lookupMeeting.mockReturnValue(ok(MEETING));
    const meeting = useMeetingStore();
    meeting.setInput('806146667');
    expect(await meeting.lookup()).toBe(true);
    expect(fake.lookupMeeting).toHaveBeenCalledWith({ meeting: '806146667' });
    expect(meeting.dialRef).toEqual({ meetingId: MEETING.meetingId, meetingCode: '806146667', subject: '周会' });
    expect(fake.recentMeetings).toHaveBeenCalled();
  });

  it('shows an unknown meeting with the reason and the next step from main', async () => {
    fake.lookupMeeting.mockReturnValue(fail(ipcError('api', 'The meeting does not exist')));
    const meeting = useMeetingStore();
    meeting.setInput('123-456-789');
    expect(await meeting.lookup()).toBe(false);
    expect(meeting.problem).toMatchObject({ message: { 'en-US': 'The meeting does not exist' } });
    expect(meeting.problem?.hint?.['en-US']).toBe('Try again');
  });

  it('forgets the looked-up meeting when the operator types another number', async () => {
    fake.lookupMeeting.mockReturnValue(ok(MEETING));
    const meeting = useMeetingStore();
    meeting.setInput('806146667');
    await meeting.lookup();
    meeting.setInput('806146667'); // unchanged
    expect(meeting.meeting).not.toBeNull();
    meeting.setInput('80614666');
    expect(meeting.meeting).toBeNull();
  });

  it('drops the answer of a lookup the operator has already replaced', async () => {
    let first!: (value: unknown) => void;
    fake.lookupMeeting.mockReturnValueOnce(new Promise((resolve) => (first = resolve)));
    fake.lookupMeeting.mockReturnValueOnce(ok({ ...MEETING, meetingCode: '123456789', subject: 'Second' }));
    const meeting = useMeetingStore();
    meeting.setInput('806146667');
    const stale = meeting.lookup();
    meeting.setInput('123456789');
    await meeting.lookup();
    first({ ok: true, value: MEETING });
    expect(await stale).toBe(false);
    expect(meeting.meeting?.subject).toBe('Second');
  });

  it('does not take a lookup answer for a number the operator has since typed over', async () => {
    let answer!: (value: unknown) => void;
    fake.lookupMeeting.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const meeting = useMeetingStore();
    meeting.setInput('806146667');
    const pending = meeting.lookup();
    meeting.setInput('123456789'); // another meeting, not looked up yet
    answer({ ok: true, value: MEETING });
    expect(await pending).toBe(false);
    expect(meeting.meeting).toBeNull();
    expect(meeting.dialRef).toBeNull();
    expect(meeting.looking).toBe(false);
  });
});
