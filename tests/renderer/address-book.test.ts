// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useRoomsStore } from '../../renderer/src/stores/rooms';
import { pendingConfirm } from '../../renderer/src/util/confirm';
import { isDialShortcutTarget } from '../../renderer/src/util/keyboard';
import AddressBook from '../../renderer/src/views/AddressBook.vue';
import { makeRoom } from './fixtures';
import { installFakeApi, ok, type FakeApi } from './helpers/fake-api';
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

    fake.restoreRoom.mockReturnValue(ok(room));
    byTestId('undo-delete')?.click();
    await settle();
    expect(fake.restoreRoom).toHaveBeenCalledWith({ room });
    expect(await textOf('book-name')).toBe('Room 101');
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
