// @vitest-environment happy-dom
// "Arm a schedule": from one of today's meetings (given) or from a room set (the meeting typed, the set's default
// meeting prefilled). The request sent is exactly what the operator chose; a field left wrong is named by its label
// in the operator's language and nothing is sent; main's refusal lands on its field.
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ScheduleDialog from '../../renderer/src/components/ScheduleDialog.vue';
import { BOARD_SET, LOBBY_SET, schedule, unix } from './automation-fixtures';
import { MEETING } from './fixtures';
import { fail, installFakeApi, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, mountApp, settle, textOf, typeInto } from './helpers/mount';

const UPCOMING = {
  meetingId: '15550001112223334445',
  meetingCode: '614203758',
  subject: 'Host joins later',
  recurring: true,
  startTime: unix(12),
  endTime: unix(72),
};

let fake: FakeApi;
let wrapper: VueWrapper | undefined;
beforeEach(() => {
  fake = installFakeApi();
  fake.listSets.mockReturnValue(ok([BOARD_SET, LOBBY_SET]));
  fake.addSchedule.mockImplementation(() => ok(schedule()));
  fake.lookupMeeting.mockReturnValue(ok(MEETING));
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

async function open(props: Record<string, unknown>, locale: 'zh-CN' | 'en-US' = 'en-US') {
  wrapper = mountApp(ScheduleDialog, { props: { modelValue: true, ...props }, locale }) as VueWrapper;
  await settle();
  return wrapper;
}

/** Chooses a set the way an operator does: open the select, click the option. */
async function chooseSet(name: string): Promise<void> {
  byTestId('schedule-set')?.querySelector<HTMLElement>('.el-select__wrapper')?.click();
  await settle();
  const option = [...document.body.querySelectorAll<HTMLElement>('[data-testid="schedule-set-option"]')].find((el) =>
    el.textContent?.includes(name),
  );
  if (!option) throw new Error(`no option ${name}`);
  option.click();
  await settle();
}

async function chooseTrigger(kind: string): Promise<void> {
  byTestId(`schedule-trigger-${kind}`)?.querySelector<HTMLInputElement>('input')?.click();
  await settle();
}

async function typeNumber(testId: string, value: string): Promise<void> {
  const input = byTestId(testId)?.querySelector<HTMLInputElement>('input');
  if (!input) throw new Error(`no ${testId}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

const save = async () => {
  byTestId('schedule-save')?.click();
  await settle();
};

describe('arm a schedule', () => {
  it('arms "when the host joins" by default, watched from 10 min before, each occurrence of a recurring meeting', async () => {
    const dialog = await open({ meeting: UPCOMING });
    expect(byTestId('schedule-meeting-summary')?.textContent).toContain('Host joins later · 614-203-758');
    await chooseSet('Board rooms');
    expect((byTestId('schedule-name') as HTMLInputElement).value).toBe('Board rooms · Host joins later');
    await save();
    expect(fake.addSchedule).toHaveBeenCalledWith({
      name: 'Board rooms · Host joins later',
      setId: BOARD_SET.id,
      meeting: { meetingId: UPCOMING.meetingId, meetingCode: '614203758', subject: 'Host joins later' },
      recurring: true,
      trigger: { kind: 'host_joins' },
      hostWatchMinutes: 10,
    });
    expect(dialog.emitted('saved')).toHaveLength(1);
    expect(dialog.emitted('update:modelValue')?.at(-1)).toEqual([false]);
  });

  it('sends N minutes before the start, only this occurrence, under a name of the operator’s own', async () => {
    await open({ meeting: UPCOMING, setId: LOBBY_SET.id });
    await typeInto('schedule-name', '  Lobby early  ');
    await chooseTrigger('before_start');
    await typeNumber('schedule-minutes', '15');
    byTestId('schedule-recurring')?.querySelector<HTMLInputElement>('input')?.click();
    await settle();
    await save();
    expect(fake.addSchedule).toHaveBeenCalledWith({
      name: 'Lobby early',
      setId: LOBBY_SET.id,
      meeting: { meetingId: UPCOMING.meetingId, meetingCode: '614203758', subject: 'Host joins later' },
      recurring: false,
      trigger: { kind: 'before_start', minutes: 15 },
    });
  });

  it('arms with Enter from a field, but not while an input method is composing', async () => {
    await open({ meeting: UPCOMING, setId: BOARD_SET.id });
    const name = byTestId('schedule-name') as HTMLInputElement;
    name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, isComposing: true }));
    await settle();
    expect(fake.addSchedule).not.toHaveBeenCalled();
    name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(fake.addSchedule).toHaveBeenCalledTimes(1);
  });

  it('arms at the start time without a host watch', async () => {
    await open({ meeting: UPCOMING, setId: BOARD_SET.id });
    await chooseTrigger('at_start');
    expect(byTestId('schedule-host-watch')).toBeNull();
    await save();
    expect(fake.addSchedule.mock.calls[0]?.[0]).toMatchObject({ trigger: { kind: 'at_start' } });
    expect(fake.addSchedule.mock.calls[0]?.[0]).not.toHaveProperty('hostWatchMinutes');
  });

  it('names what is missing by its label and sends nothing', async () => {
    await open({ meeting: UPCOMING });
    await typeInto('schedule-name', '');
    await save();
    expect(fake.addSchedule).not.toHaveBeenCalled();
    expect(await textOf('schedule-set-error')).toBe('Room set: choose a room set');
    expect(await textOf('schedule-name-error')).toMatch(/^Name: /);
    await chooseTrigger('before_start');
    await typeNumber('schedule-minutes', '');
    await save();
    expect(await textOf('schedule-minutes-error')).toBe(
      'Minutes before the start: must be a whole number from 1 to 120',
    );
    expect(fake.addSchedule).not.toHaveBeenCalled();
  });

  it('names the field in Chinese', async () => {
    await open({ meeting: UPCOMING }, 'zh-CN');
    await save();
    expect(await textOf('schedule-set-error')).toBe('会议室组：请选择一个会议室组');
    await typeNumber('schedule-host-watch', '');
    await save();
    expect(await textOf('schedule-host-watch-error')).toBe('提前查看主持人（分钟）：必须是 0 到 120 之间的整数');
  });

  it("puts main's refusal on its field, labelled, and stays open", async () => {
    fake.addSchedule.mockReturnValue(
      fail({
        kind: 'validation',
        code: 'bad_input',
        field: 'trigger.minutes',
        message: { 'zh-CN': 'trigger.minutes：不能大于 120', 'en-US': 'trigger.minutes: must be at most 120' },
        hint: { 'zh-CN': '请修改后重试', 'en-US': 'Correct it and try again' },
      }),
    );
    const dialog = await open({ meeting: UPCOMING, setId: BOARD_SET.id });
    await chooseTrigger('before_start');
    await save();
    expect(await textOf('schedule-minutes-error')).toBe('Minutes before the start: must be at most 120');
    expect(dialog.emitted('saved')).toBeUndefined();
  });

  it('says a refusal about no field above the buttons, with the next step', async () => {
    fake.addSchedule.mockReturnValue(
      fail({
        kind: 'storage',
        code: 'storage',
        message: { 'zh-CN': '无法保存计划', 'en-US': 'The schedules could not be saved' },
        hint: { 'zh-CN': '请检查磁盘空间', 'en-US': 'Check the disk space' },
      }),
    );
    await open({ meeting: UPCOMING, setId: BOARD_SET.id });
    await save();
    const failure = await textOf('schedule-failure');
    expect(failure).toContain('The schedules could not be saved');
    expect(failure).toContain('Check the disk space');
  });

  it('from a room set: the meeting is typed (the set’s default prefilled), looked up, then armed', async () => {
    await open({ setId: BOARD_SET.id, meetingText: '806146667' });
    expect((byTestId('schedule-meeting') as HTMLInputElement).value).toBe('806146667');
    await save();
    expect(fake.lookupMeeting).toHaveBeenCalledWith({ meeting: '806146667' });
    expect(fake.addSchedule.mock.calls[0]?.[0]).toMatchObject({
      setId: BOARD_SET.id,
      meeting: { meetingId: MEETING.meetingId, meetingCode: MEETING.meetingCode, subject: MEETING.subject },
    });
  });

  it('refuses a mistyped meeting by its label before looking anything up', async () => {
    await open({ setId: BOARD_SET.id });
    await typeInto('schedule-meeting', '12345');
    await save();
    expect(await textOf('schedule-meeting-error')).toMatch(/^Meeting code or meeting ID: /);
    expect(fake.lookupMeeting).not.toHaveBeenCalled();
    expect(fake.addSchedule).not.toHaveBeenCalled();
  });

  it('says when there is no room set to choose', async () => {
    fake.listSets.mockReturnValue(ok([]));
    await open({ meeting: UPCOMING });
    expect(await textOf('schedule-no-sets')).toContain('No room sets yet');
  });
});
