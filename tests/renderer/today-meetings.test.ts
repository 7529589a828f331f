// @vitest-environment happy-dom
// Today's meetings: in progress and still to come (finished and cancelled ones left out), with the time in the
// window's language, the status in words and whether the host is in (words and an icon, not colour alone); a host
// whose list failed is named with the reason; Refresh asks main for a fresh read and the panel reads by itself at most
// once a minute while the window is visible; picking a meeting puts it on the dial board.
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Component } from 'vue';
import { useMeetingStore } from '../../renderer/src/stores/meeting';
import AutomationView from '../../renderer/src/views/AutomationView.vue';
import TodayMeetings from '../../renderer/src/components/TodayMeetings.vue';
import { NOW, today, todayMeeting, unix } from './automation-fixtures';
import { MEETING } from './fixtures';
import { fail, installFakeApi, ipcError, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, mountApp as mountOnce, settle } from './helpers/mount';

const clock = (unixSeconds: number, locale = 'en-US') =>
  new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(unixSeconds * 1000));

const IN_PROGRESS = todayMeeting({ hostPresent: true });
const HOST_MISSING = todayMeeting({
  meetingId: '10203040506070809010',
  meetingCode: '851203647',
  subject: 'Department town hall',
  hostPresent: false,
});
const UPCOMING = todayMeeting({
  meetingId: '15550001112223334445',
  meetingCode: '614203758',
  subject: 'Host joins later',
  startTime: unix(12),
  endTime: unix(72),
  status: 'MEETING_STATE_INIT',
  recurring: true,
});
const UNREADABLE = todayMeeting({
  meetingId: '11223344556677889900',
  meetingCode: '246813579',
  subject: 'Partner call',
});
const FINISHED = todayMeeting({
  meetingId: '8877665544332211009',
  subject: 'Morning retro',
  startTime: unix(-120),
  endTime: unix(-60),
  status: 'MEETING_STATE_NULL',
});
const CANCELLED = todayMeeting({
  meetingId: '17777777777777777777',
  subject: 'Cancelled training',
  startTime: unix(100),
  endTime: unix(160),
  status: 'MEETING_STATE_CANCELLED',
});

let fake: FakeApi;
const mounted: VueWrapper[] = [];
/** Mounted and unmounted after the test: a panel left mounted would go on reading (and hear visibilitychange). */
function mountApp(component: Component, options: { locale?: 'zh-CN' | 'en-US' } = {}) {
  const wrapper = mountOnce(component, options);
  mounted.push(wrapper as VueWrapper);
  return wrapper;
}
beforeEach(() => {
  fake = installFakeApi();
  fake.todaysMeetings.mockReturnValue(
    ok(today([IN_PROGRESS, HOST_MISSING, UPCOMING, UNREADABLE, FINISHED, CANCELLED])),
  );
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount();
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

function item(meetingId: string): HTMLElement {
  const found = document.body.querySelector<HTMLElement>(
    `[data-testid="today-meeting"][data-meeting-id="${meetingId}"]`,
  );
  if (!found) throw new Error(`no meeting ${meetingId}`);
  return found;
}
const shownIds = () =>
  [...document.body.querySelectorAll<HTMLElement>('[data-testid="today-meeting"]')].map((el) => el.dataset.meetingId);
const host = (meetingId: string) => item(meetingId).querySelector<HTMLElement>('[data-testid="today-host"]');

describe("today's meetings", () => {
  it('lists those in progress and to come with time, status and the host in words and an icon', async () => {
    mountApp(TodayMeetings);
    await settle();
    expect(fake.todaysMeetings).toHaveBeenCalledWith({});
    expect(shownIds()).toEqual([IN_PROGRESS, HOST_MISSING, UPCOMING, UNREADABLE].map((m) => m.meetingId));

    const first = item(IN_PROGRESS.meetingId).textContent ?? '';
    expect(first).toContain('Weekly sync');
    expect(first).toContain('Code 806-146-667');
    expect(first).toContain(`${clock(IN_PROGRESS.startTime)}–${clock(IN_PROGRESS.endTime)}`);
    expect(first).toContain('In progress');
    expect(host(IN_PROGRESS.meetingId)?.textContent?.trim()).toBe('Host is in');
    expect(host(HOST_MISSING.meetingId)?.textContent?.trim()).toBe('Host not in yet');
    expect(host(UPCOMING.meetingId)?.textContent?.trim()).toBe('Not started: host not in');
    expect(host(UNREADABLE.meetingId)?.textContent?.trim()).toBe('Host: unknown (not readable)');
    // Not by colour alone: every presence has its icon beside the words.
    for (const m of [IN_PROGRESS, HOST_MISSING, UPCOMING, UNREADABLE]) {
      expect(host(m.meetingId)?.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    }

    const upcoming = item(UPCOMING.meetingId).textContent ?? '';
    expect(upcoming).toContain('Not started');
    expect(upcoming).toContain('starts in 12 min');
    expect(upcoming).toContain('Recurring');
    const later = todayMeeting({
      meetingId: '16100000000000010001',
      subject: 'Later',
      startTime: unix(120),
      endTime: unix(180),
      status: 'MEETING_STATE_INIT',
    });
    fake.todaysMeetings.mockReturnValue(ok(today([later])));
    byTestId('today-refresh')?.click();
    await settle();
    expect(item(later.meetingId).textContent).toContain('starts in 2 h');
    expect(item(later.meetingId).textContent).not.toContain('0 min');
  });

  it('gives no countdown to a meeting under way before its time (the host came early)', async () => {
    const early = todayMeeting({ subject: 'Early start', startTime: unix(5), endTime: unix(65), hostPresent: true });
    fake.todaysMeetings.mockReturnValue(ok(today([early])));
    mountApp(TodayMeetings);
    await settle();
    expect(item(early.meetingId).textContent).toContain('In progress');
    expect(item(early.meetingId).textContent).not.toContain('starts in');
  });

  it('reads in Chinese with Chinese times', async () => {
    mountApp(TodayMeetings, { locale: 'zh-CN' });
    await settle();
    const upcoming = item(UPCOMING.meetingId).textContent ?? '';
    expect(upcoming).toContain(`${clock(UPCOMING.startTime, 'zh-CN')}–${clock(UPCOMING.endTime, 'zh-CN')}`);
    expect(upcoming).toContain('待开始');
    expect(upcoming).toContain('12 分钟后开始');
    expect(host(IN_PROGRESS.meetingId)?.textContent?.trim()).toBe('主持人已入会');
  });

  it('names each host whose list could not be read, and still shows the others', async () => {
    fake.todaysMeetings.mockReturnValue(
      ok(
        today(
          [IN_PROGRESS],
          [{ userid: 'wangfang', error: ipcError('api', 'Tencent refused the request (no permission)') }],
        ),
      ),
    );
    mountApp(TodayMeetings);
    await settle();
    const problem = byTestId('today-host-problem')?.textContent ?? '';
    expect(problem).toContain("Could not read wangfang's meetings: Tencent refused the request (no permission)");
    expect(problem).toContain('Try again');
    expect(shownIds()).toEqual([IN_PROGRESS.meetingId]);
  });

  it('says a failed read with its next step and keeps the meetings read before', async () => {
    mountApp(TodayMeetings);
    await settle();
    fake.todaysMeetings.mockReturnValue(fail(ipcError('network', 'Tencent Meeting could not be reached')));
    byTestId('today-refresh')?.click();
    await settle();
    expect(byTestId('today-error')?.textContent).toContain('Tencent Meeting could not be reached');
    expect(shownIds()).toContain(IN_PROGRESS.meetingId);
  });

  it('Refresh asks for a fresh read; on its own it reads once a minute, and not while the window is hidden', async () => {
    mountApp(TodayMeetings);
    await settle();
    expect(fake.todaysMeetings).toHaveBeenCalledTimes(1);
    byTestId('today-refresh')?.click();
    await settle();
    expect(fake.todaysMeetings).toHaveBeenLastCalledWith({ fresh: true });

    vi.advanceTimersByTime(59_000);
    await settle();
    expect(fake.todaysMeetings).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    await settle();
    expect(fake.todaysMeetings).toHaveBeenCalledTimes(3);
    expect(fake.todaysMeetings).toHaveBeenLastCalledWith({});

    // Shown again within the minute: nothing; hidden for longer: one read as it comes back, then once a minute.
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(fake.todaysMeetings).toHaveBeenCalledTimes(3);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    vi.advanceTimersByTime(150_000);
    await settle();
    expect(fake.todaysMeetings).toHaveBeenCalledTimes(3);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(fake.todaysMeetings).toHaveBeenCalledTimes(4);
  });

  it('stops reading once it is gone', async () => {
    const wrapper = mountOnce(TodayMeetings);
    await settle();
    wrapper.unmount();
    vi.advanceTimersByTime(5 * 60_000);
    await settle();
    expect(fake.todaysMeetings).toHaveBeenCalledTimes(1);
  });
});

describe('picking a meeting', () => {
  it('puts it on the dial board (looked up as if typed there) and asks for the board', async () => {
    fake.lookupMeeting.mockReturnValue(ok(MEETING));
    const wrapper = mountApp(AutomationView);
    await settle();
    item(IN_PROGRESS.meetingId).querySelector<HTMLElement>('[data-testid="today-pick"]')?.click();
    await settle();
    expect(fake.lookupMeeting).toHaveBeenCalledWith({ meeting: '806146667' });
    expect(useMeetingStore().input).toBe('806-146-667');
    expect(useMeetingStore().meeting?.meetingId).toBe(MEETING.meetingId);
    expect(wrapper.emitted('open-board')).toHaveLength(1);
  });

  it('labels each action with the meeting it is for', async () => {
    mountApp(TodayMeetings);
    await settle();
    const pick = item(UPCOMING.meetingId).querySelector('[data-testid="today-pick"]');
    const arm = item(UPCOMING.meetingId).querySelector('[data-testid="today-arm"]');
    expect(pick?.getAttribute('aria-label')).toBe('Dial into it: open "Host joins later" on the dial board');
    expect(arm?.getAttribute('aria-label')).toBe('Arm a schedule for "Host joins later"');
  });
});
