// @vitest-environment happy-dom
// The room sets view: the list with each set's gap, create / edit / delete, Enter on a set dialing it (into the
// meeting on screen, or its default meeting looked up first), the dialer's questions, and the CSV import's report.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DialResult } from '../../common/call-model';
import type { SetImportReport } from '../../common/room-set';
import type { RoomSet } from '../../common/store-schema';
import { useMeetingStore } from '../../renderer/src/stores/meeting';
import { useRoomsStore } from '../../renderer/src/stores/rooms';
import { pendingConfirm } from '../../renderer/src/util/confirm';
import RoomSetsView from '../../renderer/src/views/RoomSetsView.vue';
import { makeCall, makeRoom, MEETING, nextId } from './fixtures';
import { fail, installFakeApi, ipcError, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, mountApp, settle, textOf } from './helpers/mount';

const board = makeRoom({ name: 'Board room', address: 'board@sip.example.com' });
const overflowA = makeRoom({ name: 'Overflow A', address: 'overflow-a@sip.example.com' });
const overflowB = makeRoom({ name: 'Overflow B', kind: 'h323', address: '192.0.2.20' });
const gone = nextId();

function makeSet(overrides: Partial<RoomSet> = {}): RoomSet {
  return {
    id: nextId(),
    name: 'Monday board meeting',
    roomIds: [board.id, overflowA.id],
    createdAt: '2026-11-22T02:00:00.000Z',
    updatedAt: '2026-11-22T02:00:00.000Z',
    ...overrides,
  };
}

const meetingRef = { meetingId: MEETING.meetingId, meetingCode: MEETING.meetingCode, subject: MEETING.subject };
const answer = (result: Partial<DialResult>) => ok<DialResult>({ calls: [], skipped: [], ...result });

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
});
afterEach(() => {
  vi.restoreAllMocks();
  pendingConfirm.value = null;
  document.body.innerHTML = '';
});

async function mountWith(sets: RoomSet[]) {
  fake.listSets.mockReturnValue(ok(sets));
  fake.listRooms.mockReturnValue(ok([board, overflowA, overflowB]));
  const wrapper = mountApp(RoomSetsView);
  await useRoomsStore().load();
  await settle();
  return wrapper;
}

const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="set-row"]')];
const rowOf = (name: string) => rows().find((row) => row.dataset['setName'] === name)!;

function press(element: HTMLElement, key: string): void {
  element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

function type(testId: string, text: string): void {
  const input = byTestId(testId) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('room sets list', () => {
  it('shows each set with its rooms, default meeting and rules, and the gap a deleted room left', async () => {
    await mountWith([
      makeSet({ roomIds: [board.id, gone, overflowA.id], defaultMeeting: '806146667' }),
      makeSet({
        name: 'Annex',
        roomIds: [overflowB.id],
        retry: { retries: 1, backoffMs: [30_000], rejoinOnDrop: true, rejoins: 2 },
      }),
    ]);
    expect(rows().map((row) => row.dataset['setName'])).toEqual(['Annex', 'Monday board meeting']);
    const monday = rowOf('Monday board meeting');
    expect(monday.querySelector('[data-testid="set-count"]')?.textContent).toBe('3 rooms');
    expect(monday.querySelector('[data-testid="set-gap"]')?.textContent?.trim()).toBe('1 room was deleted');
    expect(monday.querySelector('[data-testid="set-rooms"]')?.textContent?.trim()).toBe('Board room · Overflow A');
    expect(monday.querySelector('[data-testid="set-default-meeting"]')?.textContent?.trim()).toBe(
      'Default meeting: 806-146-667',
    );
    expect(monday.querySelector('[data-testid="set-rules"]')?.textContent).toBe('Retry rules from Settings');
    const annex = rowOf('Annex');
    expect(annex.querySelector('[data-testid="set-gap"]')).toBeNull();
    expect(annex.querySelector('[data-testid="set-rules"]')?.textContent).toBe(
      'Own retry rules: 1 retry after 0.5 min; rejoin after a drop, at most 2',
    );
  });

  it('filters by name and says where Enter dials', async () => {
    await mountWith([makeSet(), makeSet({ name: 'Annex', roomIds: [overflowB.id] })]);
    expect(await textOf('sets-target')).toBe('No meeting looked up: each set dials into its default meeting');
    useMeetingStore().meeting = MEETING;
    await settle();
    expect(await textOf('sets-target')).toBe('Dials into: 周会 (806-146-667)');
    type('sets-search', 'ANN');
    await settle();
    expect(rows().map((row) => row.dataset['setName'])).toEqual(['Annex']);
  });

  it('offers New set and Import CSV when there are no sets yet', async () => {
    await mountWith([]);
    expect(await textOf('sets-empty')).toContain('No room sets yet');
    expect(byTestId('set-new')).not.toBeNull();
    expect(byTestId('set-import')).not.toBeNull();
  });
});

describe('create, edit, delete', () => {
  it('creates a set: rooms found as typed, Enter adds the first match, Save sends them in order', async () => {
    await mountWith([]);
    byTestId('set-new')?.click();
    await settle();
    type('set-name', 'Monday board meeting');
    type('set-room-search', 'board');
    await settle();
    expect([...document.querySelectorAll('[data-testid="set-room-match"]')].map((b) => b.textContent)).toEqual([
      'Board roomboard@sip.example.com',
    ]);
    press(byTestId('set-room-search')!, 'Enter');
    await settle();
    type('set-room-search', '192.0.2');
    await settle();
    (byTestId('set-room-match') as HTMLElement).click();
    await settle();
    expect(
      [...document.querySelectorAll<HTMLElement>('[data-testid="set-member"]')].map((m) => m.dataset['roomName']),
    ).toEqual(['Board room', 'Overflow B']);
    type('set-default-meeting', '806146667');

    const created = makeSet({ roomIds: [board.id, overflowB.id], defaultMeeting: '806146667' });
    fake.createSet.mockReturnValue(ok(created));
    byTestId('set-save')?.click();
    await settle();
    expect(fake.createSet).toHaveBeenCalledWith({
      name: 'Monday board meeting',
      roomIds: [board.id, overflowB.id],
      defaultMeeting: '806146667',
    });
    expect(rows().map((row) => row.dataset['setName'])).toEqual(['Monday board meeting']);
    expect(await textOf('status-note')).toBe('Saved the set "Monday board meeting"');
  });

  it('checks the name and the default meeting as typed, and needs a room, before sending anything', async () => {
    await mountWith([]);
    byTestId('set-new')?.click();
    await settle();
    type('set-default-meeting', '12345');
    await settle();
    expect(await textOf('set-default-meeting-error')).toMatch(/^Default meeting \(optional\): a meeting code has 9/);
    byTestId('set-save')?.click();
    await settle();
    expect(await textOf('set-name-error')).toBe('Name: must not be empty');
    expect(await textOf('set-rooms-error')).toBe('Rooms: choose at least one room');
    expect(fake.createSet).not.toHaveBeenCalled();
  });

  it("edits a set's own retry rules, and puts main's refusal on the field it names, in the operator's language", async () => {
    const set = makeSet();
    await mountWith([set]);
    (rowOf(set.name).querySelector('[data-testid="set-edit"]') as HTMLElement).click();
    await settle();
    expect(await textOf('set-settings-rules')).toBe(
      'Follows the rules in Settings: 2 retries after 1 min, 3 min; no rejoin',
    );
    (byTestId('set-own-rules')?.querySelector('input') as HTMLInputElement).click();
    await settle();
    fake.updateSet.mockReturnValueOnce(
      fail({
        ...ipcError(
          'validation',
          'retry.backoffMs[0]: must be a whole number from 10000 to 1800000 (ms)',
          'retry.backoffMs[0]',
        ),
        message: {
          'zh-CN': 'retry.backoffMs[0]：必须是 10000 到 1800000 之间的整数（毫秒）',
          'en-US': 'retry.backoffMs[0]: must be a whole number from 10000 to 1800000 (ms)',
        },
      }),
    );
    byTestId('set-save')?.click();
    await settle();
    expect(fake.updateSet).toHaveBeenCalledWith({
      id: set.id,
      patch: {
        name: set.name,
        roomIds: set.roomIds,
        defaultMeeting: '',
        retry: { retries: 2, backoffMs: [60_000, 180_000], rejoinOnDrop: false, rejoins: 2 },
      },
    });
    expect(await textOf('set-first-wait-error')).toBe(
      'First retry after (min): must be a whole number from 10000 to 1800000 (ms)',
    );
    expect(byTestId('set-form')).not.toBeNull();

    const saved = { ...set, retry: { retries: 2, backoffMs: [60_000, 180_000], rejoinOnDrop: false, rejoins: 2 } };
    fake.updateSet.mockReturnValueOnce(ok(saved));
    byTestId('set-save')?.click();
    await settle();
    expect(rowOf(set.name).querySelector('[data-testid="set-rules"]')?.textContent).toBe(
      'Own retry rules: 2 retries after 1 min, 3 min; no rejoin',
    );
  });

  it('keeps a deleted room as a gap in the dialog until it is removed there', async () => {
    const set = makeSet({ roomIds: [board.id, gone] });
    await mountWith([set]);
    (rowOf(set.name).querySelector('[data-testid="set-edit"]') as HTMLElement).click();
    await settle();
    expect(await textOf('set-form-gap')).toBe('1 room was deleted');
    const removes = document.querySelectorAll<HTMLElement>('[data-testid="set-member-remove"]');
    expect(removes[1]?.getAttribute('aria-label')).toBe('Remove Deleted room from the set');
    removes[1]?.click();
    await settle();
    expect(byTestId('set-form-gap')).toBeNull();
    fake.updateSet.mockReturnValue(ok({ ...set, roomIds: [board.id] }));
    byTestId('set-save')?.click();
    await settle();
    expect(fake.updateSet.mock.calls[0]?.[0]).toMatchObject({ patch: { roomIds: [board.id], retry: null } });
  });

  it('deletes a set only after a yes', async () => {
    const set = makeSet();
    await mountWith([set]);
    const remove = rowOf(set.name).querySelector('[data-testid="set-delete"]') as HTMLElement;
    remove.click();
    await settle();
    expect(pendingConfirm.value?.message).toBe(
      'Delete the room set "Monday board meeting"? Its rooms stay in the address book.',
    );
    pendingConfirm.value?.answer(false);
    await settle();
    expect(fake.deleteSet).not.toHaveBeenCalled();

    fake.deleteSet.mockReturnValue(ok(set));
    remove.click();
    await settle();
    pendingConfirm.value?.answer(true);
    await settle();
    expect(fake.deleteSet).toHaveBeenCalledWith({ id: set.id });
    expect(rows()).toEqual([]);
    expect(await textOf('status-note')).toBe('Deleted the set "Monday board meeting"');
  });
});

describe('Enter on a set dials it', () => {
  it('into the meeting on screen, saying how many rooms ring and which were skipped and why', async () => {
    const set = makeSet({ roomIds: [board.id, gone, overflowA.id] });
    await mountWith([set]);
    useMeetingStore().meeting = MEETING;
    fake.dialSet.mockReturnValue(
      answer({
        calls: [makeCall(board, 'queued'), makeCall(overflowA, 'queued')],
        skipped: [
          {
            roomId: gone,
            roomName: '',
            reason: 'deleted',
            message: { 'zh-CN': '已删除', 'en-US': 'A room of this list was deleted from the address book; skipped' },
          },
        ],
      }),
    );
    const row = rowOf(set.name);
    row.focus();
    press(row, 'Enter');
    await settle();
    expect(fake.dialSet).toHaveBeenCalledWith({ setId: set.id, meeting: meetingRef });
    const note = await textOf('status-note');
    expect(note).toContain('Dialing 2 rooms of "Monday board meeting"');
    expect(note).toContain('Not rung: A room of this list was deleted from the address book; skipped');
  });

  it('with no meeting on screen, looks the default meeting up first (it is then on screen) and dials into it', async () => {
    const set = makeSet({ defaultMeeting: '806146667' });
    await mountWith([set]);
    fake.lookupMeeting.mockReturnValue(ok(MEETING));
    fake.dialSet.mockReturnValue(answer({ calls: [makeCall(board, 'queued')] }));
    press(rowOf(set.name), 'Enter');
    await settle();
    expect(fake.lookupMeeting).toHaveBeenCalledWith({ meeting: '806146667' });
    expect(useMeetingStore().meeting).toEqual(MEETING);
    expect(fake.dialSet).toHaveBeenCalledWith({ setId: set.id, meeting: meetingRef });
    expect(await textOf('sets-target')).toBe('Dials into: 周会 (806-146-667)');
  });

  it('with neither a meeting nor a default meeting, says what to do and sends nothing', async () => {
    const set = makeSet();
    await mountWith([set]);
    press(rowOf(set.name), 'Enter');
    await settle();
    expect(await textOf('status-note')).toMatch(
      /^Look up a meeting on the dial board first, or give this set a default meeting/,
    );
    expect(fake.dialSet).not.toHaveBeenCalled();
    expect(fake.lookupMeeting).not.toHaveBeenCalled();
  });

  it("asks the dialer's question for a large set with the count and the set, and sends the count on yes", async () => {
    const set = makeSet({ roomIds: [board.id, overflowA.id, overflowB.id] });
    await mountWith([set]);
    useMeetingStore().meeting = MEETING;
    fake.dialSet.mockReturnValueOnce(answer({ confirm: { kind: 'large_batch', count: 3, meeting: meetingRef } }));
    fake.dialSet.mockReturnValueOnce(answer({ calls: [makeCall(board, 'queued')] }));
    (rowOf(set.name).querySelector('[data-testid="set-dial"]') as HTMLElement).click();
    await settle();
    expect(pendingConfirm.value).toMatchObject({
      title: 'Dial 3 rooms?',
      message: 'Dial the 3 rooms of "Monday board meeting" into "周会"? Every one of them will ring.',
      confirmText: 'Dial 3 rooms',
    });
    pendingConfirm.value?.answer(true);
    await settle();
    expect(fake.dialSet).toHaveBeenLastCalledWith({ setId: set.id, meeting: meetingRef, confirmedCount: 3 });
  });

  it('moves between sets with the arrow keys', async () => {
    await mountWith([makeSet({ name: 'A' }), makeSet({ name: 'B' })]);
    rowOf('A').focus();
    press(rowOf('A'), 'ArrowDown');
    expect(document.activeElement).toBe(rowOf('B'));
    press(rowOf('B'), 'ArrowUp');
    expect(document.activeElement).toBe(rowOf('A'));
  });
});

describe('CSV import', () => {
  it('previews what the file would do with every left-out row on its spreadsheet row, then imports', async () => {
    await mountWith([]);
    byTestId('set-import')?.click();
    await settle();
    const preview: SetImportReport = {
      applied: false,
      sets: [{ name: 'Monday board meeting', action: 'create', rooms: 2 }],
      problems: [
        {
          row: 5,
          field: 'room',
          message: {
            'zh-CN': '没有',
            'en-US': 'no room in the address book has the name, address or Rooms ID "Cupboard"',
          },
        },
      ],
    };
    fake.importSets.mockReturnValueOnce(ok(preview));
    const csv =
      'Room set,Room\nMonday board meeting,Board room\nMonday board meeting,Overflow A\n\nMonday board meeting,Cupboard\n';
    const input = byTestId('set-csv-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([csv], 'sets.csv', { type: 'text/csv' })] });
    input.dispatchEvent(new Event('change'));
    await settle();
    expect(fake.importSets).toHaveBeenCalledWith({
      rows: [
        { row: 2, set: 'Monday board meeting', room: 'Board room' },
        { row: 3, set: 'Monday board meeting', room: 'Overflow A' },
        { row: 5, set: 'Monday board meeting', room: 'Cupboard' },
      ],
      apply: false,
    });
    expect(await textOf('set-csv-summary')).toBe(
      'New sets: 1 · sets whose rooms are replaced: 0 · rows not imported: 1',
    );
    const problem = byTestId('set-csv-problem')!;
    expect(problem.dataset['row']).toBe('5');
    expect(problem.textContent?.trim()).toBe(
      'no room in the address book has the name, address or Rooms ID "Cupboard"',
    );

    fake.importSets.mockReturnValueOnce(ok({ ...preview, applied: true }));
    fake.listSets.mockReturnValue(ok([makeSet()]));
    byTestId('set-csv-import')?.click();
    await settle();
    expect(fake.importSets).toHaveBeenLastCalledWith(expect.objectContaining({ apply: true }));
    expect(await textOf('set-csv-done')).toBe('Imported 1 set; rows not imported: 1');
    expect(rows().map((row) => row.dataset['setName'])).toEqual(['Monday board meeting']);
  });
});
