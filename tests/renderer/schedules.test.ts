// @vitest-environment happy-dom
// The schedules list and the header's next schedule: each schedule's set, meeting, trigger and status in words, the
// next action counting down live from main's time, one action each to arm, pause and remove (remove asks first),
// and main's refusals said with their next step. Only setInterval and Date are faked: settle() runs on real timeouts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import type { ScheduleView } from '../../common/schedule';
import ConfirmDialog from '../../renderer/src/components/ConfirmDialog.vue';
import NextScheduleStatus from '../../renderer/src/components/NextScheduleStatus.vue';
import SchedulesList from '../../renderer/src/components/SchedulesList.vue';
import { pendingConfirm } from '../../renderer/src/util/confirm';
import { at, BOARD_SET, NOW, schedule } from './automation-fixtures';
import { fail, installFakeApi, ipcError, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, mountApp, settle, textOf } from './helpers/mount';

const clock = (iso: string) => new Intl.DateTimeFormat('en-US', { timeStyle: 'short' }).format(new Date(iso));

const AT_START = schedule({
  id: 's-start',
  name: 'Lobby at start',
  trigger: { kind: 'at_start' },
  status: 'waiting',
  nextActionAt: at(12),
});
const WATCHING = schedule({
  id: 's-host',
  name: 'Monday board',
  status: 'watching_host',
  recurring: true,
  nextActionAt: at(0, 20),
  note: { 'zh-CN': '主持人尚未入会', 'en-US': 'The host is not in yet' },
});

let fake: FakeApi;
let list: ScheduleView[];
beforeEach(() => {
  fake = installFakeApi();
  list = [AT_START, WATCHING];
  fake.listSchedules.mockImplementation(() => ok(list));
  fake.listSets.mockReturnValue(ok([BOARD_SET]));
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  pendingConfirm.value = null;
});

function row(name: string): HTMLElement {
  const found = document.body.querySelector<HTMLElement>(`[data-testid="schedule-row"][data-schedule-name="${name}"]`);
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}
const cell = (name: string, testId: string) =>
  row(name).querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.textContent?.trim() ?? '';
const click = async (name: string, testId: string) => {
  row(name).querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.click();
  await settle();
};

const WithConfirm = defineComponent({ render: () => [h(SchedulesList), h(ConfirmDialog)] });

describe('schedules list', () => {
  it('says the set, meeting, trigger, status and next action of each schedule, and counts down live', async () => {
    mountApp(WithConfirm);
    await settle();
    const start = row('Lobby at start').textContent ?? '';
    expect(start).toContain('Board rooms');
    expect(start).toContain('Board meeting (614-203-758)');
    expect(start).toContain('at the start time');
    expect(cell('Lobby at start', 'schedule-status')).toBe('Armed · waiting');
    expect(cell('Lobby at start', 'schedule-next')).toBe(`dials at ${clock(at(12))} · in 12 min`);

    expect(row('Monday board').textContent).toContain('when the host joins');
    expect(row('Monday board').textContent).toContain('each time');
    expect(cell('Monday board', 'schedule-status')).toBe('Armed · watching for the host');
    expect(cell('Monday board', 'schedule-next')).toBe('dials when the host joins · watching · next check in 20 s');
    expect(cell('Monday board', 'schedule-note')).toBe('The host is not in yet');

    vi.advanceTimersByTime(5000);
    await settle();
    expect(cell('Monday board', 'schedule-next')).toBe('dials when the host joins · watching · next check in 15 s');
    vi.advanceTimersByTime(61_000);
    await settle();
    expect(cell('Lobby at start', 'schedule-next')).toBe(`dials at ${clock(at(12))} · in 11 min`);
  });

  it('reads the list again while shown, so a status main changed appears without any action', async () => {
    mountApp(WithConfirm);
    await settle();
    list = [
      AT_START,
      {
        ...WATCHING,
        status: 'dialed',
        nextActionAt: undefined,
        note: { 'zh-CN': '已呼叫 2 个会议室', 'en-US': 'Dialed 2 rooms' },
      },
    ];
    vi.advanceTimersByTime(2000);
    await settle();
    expect(cell('Monday board', 'schedule-status')).toBe('Dialed');
    expect(row('Monday board').querySelector('[data-testid="schedule-next"]')).toBeNull();
    expect(cell('Monday board', 'schedule-note')).toBe('Dialed 2 rooms');
  });

  it('names a deleted room set as deleted rather than showing its id', async () => {
    list = [schedule({ setId: '00000000-0000-4000-8000-00000000dead' })];
    mountApp(WithConfirm);
    await settle();
    expect(row('Monday board').textContent).toContain('(room set deleted)');
    expect(row('Monday board').textContent).not.toContain('dead');
  });

  it('pauses and arms with one action each and says so', async () => {
    fake.armSchedule.mockImplementation(({ id, armed }: { id: string; armed: boolean }) => {
      list = list.map((s) =>
        s.id === id
          ? { ...s, armed, status: armed ? 'waiting' : 'paused', nextActionAt: armed ? at(12) : undefined }
          : s,
      );
      return ok(list.find((s) => s.id === id));
    });
    mountApp(WithConfirm);
    await settle();
    expect(row('Lobby at start').querySelector('[data-testid="schedule-arm"]')).toBeNull();
    await click('Lobby at start', 'schedule-pause');
    expect(fake.armSchedule).toHaveBeenLastCalledWith({ id: 's-start', armed: false });
    expect(cell('Lobby at start', 'schedule-status')).toBe('Paused');
    expect(row('Lobby at start').querySelector('[data-testid="schedule-next"]')).toBeNull();
    expect(await textOf('status-note')).toContain('Schedule "Lobby at start" paused');

    await click('Lobby at start', 'schedule-arm');
    expect(fake.armSchedule).toHaveBeenLastCalledWith({ id: 's-start', armed: true });
    expect(cell('Lobby at start', 'schedule-status')).toBe('Armed · waiting');
    expect(await textOf('status-note')).toContain('Schedule "Lobby at start" armed');
  });

  it('asks before removing: keeping it sends nothing, confirming removes it', async () => {
    fake.removeSchedule.mockImplementation(({ id }: { id: string }) => {
      list = list.filter((s) => s.id !== id);
      return ok(null);
    });
    mountApp(WithConfirm);
    await settle();
    await click('Monday board', 'schedule-remove');
    expect(pendingConfirm.value?.message).toBe(
      'The schedule "Monday board" will no longer dial the room set "Board rooms" into "Board meeting (614-203-758)".',
    );
    pendingConfirm.value?.answer(false);
    await settle();
    expect(fake.removeSchedule).not.toHaveBeenCalled();
    expect(row('Monday board')).toBeTruthy();

    await click('Monday board', 'schedule-remove');
    pendingConfirm.value?.answer(true);
    await settle();
    expect(fake.removeSchedule).toHaveBeenCalledWith({ id: 's-host' });
    expect(document.body.querySelector('[data-schedule-name="Monday board"]')).toBeNull();
    expect(await textOf('status-note')).toContain('Schedule "Monday board" removed');
  });

  it("says main's refusal with its next step and changes nothing", async () => {
    fake.armSchedule.mockReturnValue(fail(ipcError('not_found', 'No such schedule (it may have been removed)')));
    mountApp(WithConfirm);
    await settle();
    await click('Lobby at start', 'schedule-pause');
    const note = await textOf('status-note');
    expect(note).toContain('No such schedule (it may have been removed)');
    expect(note).toContain('Try again');
    expect(cell('Lobby at start', 'schedule-status')).toBe('Armed · waiting');
  });

  it('says when there is no schedule yet, in Chinese too', async () => {
    list = [];
    mountApp(WithConfirm, { locale: 'zh-CN' });
    await settle();
    expect(await textOf('schedules-empty')).toContain('还没有计划');
  });
});

describe('next schedule in the header', () => {
  it('shows nothing while no schedule is armed', async () => {
    list = [schedule({ armed: false, status: 'paused' })];
    mountApp(NextScheduleStatus);
    await settle();
    expect(byTestId('next-schedule')).toBeNull();
  });

  it('names the armed schedule acting first with a live countdown, and goes when it is paused', async () => {
    list = [
      schedule({ id: 'later', name: 'Later one', nextActionAt: at(45), trigger: { kind: 'at_start' } }),
      AT_START,
    ];
    mountApp(NextScheduleStatus);
    await settle();
    expect(await textOf('next-schedule')).toBe(`Next schedule: Lobby at start · dials at ${clock(at(12))} · in 12 min`);
    vi.advanceTimersByTime(61_000);
    await settle();
    expect(await textOf('next-schedule')).toBe(`Next schedule: Lobby at start · dials at ${clock(at(12))} · in 11 min`);

    list = [{ ...AT_START, armed: false, status: 'paused', nextActionAt: undefined }];
    vi.advanceTimersByTime(5000);
    await settle();
    expect(byTestId('next-schedule')).toBeNull();
  });

  it('reads in Chinese', async () => {
    list = [WATCHING];
    mountApp(NextScheduleStatus, { locale: 'zh-CN' });
    await settle();
    expect(await textOf('next-schedule')).toBe('下一个计划：Monday board · 主持人入会时呼叫 · 正在查看 · 20 秒后再查');
  });
});
