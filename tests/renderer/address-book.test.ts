// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useRoomsStore } from '../../renderer/src/stores/rooms';
import { pendingConfirm } from '../../renderer/src/util/confirm';
import { isDialShortcutTarget } from '../../renderer/src/util/keyboard';
import AddressBook from '../../renderer/src/views/AddressBook.vue';
import { makeRoom } from './fixtures';
import { fail, installFakeApi, ipcError, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, fakeLayout, mountApp, settle, textOf } from './helpers/mount';

const room = makeRoom({ name: 'Room 101' });
let fake: FakeApi;
beforeEach(() => {
  fakeLayout();
  fake = installFakeApi();
});
afterEach(() => {
  vi.restoreAllMocks();
  pendingConfirm.value = null;
  document.body.innerHTML = '';
});

describe('address book', () => {
  it('deletes a room only after a yes, and undoes the delete', async () => {
    mountApp(AddressBook);
    useRoomsStore().setRooms([room]);
    await settle();
    byTestId('book-delete')?.click();
    await settle();
    expect(pendingConfirm.value?.message).toBe('Delete "Room 101" from the address book?');
    pendingConfirm.value?.answer(false);
    await settle();
    expect(fake.deleteRoom).not.toHaveBeenCalled();

    fake.deleteRoom.mockReturnValue(ok(room));
    byTestId('book-delete')?.click();
    await settle();
    pendingConfirm.value?.answer(true);
    await settle();
    expect(fake.deleteRoom).toHaveBeenCalledWith({ id: room.id });
    expect(byTestId('book-row')).toBeNull();
    expect(await textOf('book-count')).toBe('Rooms: 0 of 0');
    expect(await textOf('status-note')).toContain('Deleted "Room 101"');

    fake.restoreRoom.mockReturnValue(ok(room));
    byTestId('undo-delete')?.click();
    await settle();
    expect(fake.restoreRoom).toHaveBeenCalledWith({ room });
    expect(await textOf('book-name')).toBe('Room 101');
    expect(await textOf('status-note')).toBe('Restored "Room 101"');
  });
});

describe('address book layout (issue 11)', () => {
  it('offers Add, Import CSV and Import Tencent Rooms when empty, and no toolbar with nothing to act on', async () => {
    mountApp(AddressBook);
    useRoomsStore().setRooms([]);
    await settle();
    const empty = byTestId('book-empty');
    expect(empty?.textContent).toContain('The address book is empty');
    const buttons = [...(empty?.querySelectorAll('button') ?? [])].map((button) => button.textContent?.trim());
    expect(buttons).toEqual(['Add room', 'Import CSV', 'Import Tencent Rooms from the account']);
    expect(byTestId('book-search')).toBeNull();
    expect(byTestId('book-header')).toBeNull();

    fake.importTencentRooms.mockReturnValue(ok({ added: 2, updated: 0, unchanged: 0, notCallable: 1 }));
    (empty?.querySelector('[data-testid="tencent-import"]') as HTMLElement).click();
    await settle();
    expect(fake.importTencentRooms).toHaveBeenCalledTimes(1);
    expect(await textOf('status-note')).toBe('Rooms import done: 2 added, 0 updated, 0 unchanged, 1 not callable');
  });

  it('names its columns above the list, and shows the whole of a long cell on hover', async () => {
    const long = makeRoom({
      name: 'Room 7',
      location: '北京市朝阳区建国路 88 号 SOHO 现代城 C 座 17 层东侧大会议室（靠窗）',
    });
    mountApp(AddressBook);
    useRoomsStore().setRooms([long]);
    await settle();
    const header = [...(byTestId('book-header')?.children ?? [])].map((cell) => cell.textContent?.trim());
    expect(header).toEqual(['', 'Name', 'Protocol', 'Address', 'Location', 'Group', 'Tags', 'Actions']);
    expect(byTestId('book-location')?.getAttribute('title')).toBe(long.location);
  });

  it('says a failed delete on its status line with the next step, and the line stays until closed', async () => {
    mountApp(AddressBook);
    useRoomsStore().setRooms([room]);
    await settle();
    fake.deleteRoom.mockReturnValue(fail(ipcError('storage', 'The address book could not be saved')));
    byTestId('book-delete')?.click();
    await settle();
    pendingConfirm.value?.answer(true);
    await settle();
    expect(await textOf('status-note')).toContain('The address book could not be saved');
    expect(await textOf('status-note')).toContain('Try again');
    byTestId('status-note-close')?.click();
    await settle();
    expect(await textOf('status-note')).toBe('');
  });
});

describe('the Enter shortcut', () => {
  it('dials from the list, a checkbox or the page, never from a button, a field or a dialog', () => {
    document.body.innerHTML = `
      <div id="page"><input id="check" type="checkbox"><input id="text"><button id="button">b</button>
      <div role="dialog"><span id="inDialog">x</span></div></div>`;
    const el = (id: string) => document.getElementById(id);
    expect(isDialShortcutTarget(document.body)).toBe(true);
    expect(isDialShortcutTarget(el('page'))).toBe(true);
    expect(isDialShortcutTarget(el('check'))).toBe(true);
    expect(isDialShortcutTarget(el('text'))).toBe(false);
    expect(isDialShortcutTarget(el('button'))).toBe(false);
    expect(isDialShortcutTarget(el('inDialog'))).toBe(false);
  });
});
