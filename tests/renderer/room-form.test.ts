// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import RoomFormDialog from '../../renderer/src/components/RoomFormDialog.vue';
import { useRoomsStore } from '../../renderer/src/stores/rooms';
import { makeRoom } from './fixtures';
import { fail, installFakeApi, ipcError, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, clickOn, gone, mountApp, settle, textOf, typeInto } from './helpers/mount';

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
});
afterEach(() => {
  document.body.innerHTML = '';
});

async function openForm(room: ReturnType<typeof makeRoom> | null = null) {
  const wrapper = mountApp(RoomFormDialog, { props: { modelValue: false, room } });
  await wrapper.setProps({ modelValue: true });
  await settle();
  return wrapper;
}

describe('room form', () => {
  it('names the problem with an address as it is typed, per protocol', async () => {
    await openForm();
    await typeInto('room-address', 'room 101@sip.example.com');
    expect(await textOf('room-address-error')).toBe('Address: must not contain spaces or line breaks');
    await typeInto('room-address', 'room101@sip.example.com');
    expect(await gone('room-address-error')).toBe(true);
    await clickOn('room-kind-rooms');
    await typeInto('room-meeting-room-id', '会议室');
    expect(await textOf('room-meeting-room-id-error')).toMatch(/^Rooms room ID: /);
  });

  it('warns, without refusing, about a name that starts like a formula', async () => {
    fake.addRoom.mockReturnValue(ok(makeRoom({ name: '=SUM(A1)' })));
    await openForm();
    await typeInto('room-name', '=SUM(A1)');
    expect(await textOf('room-name-formula-warning')).toContain(
      'Name: starts with "=", which spreadsheets run as a formula',
    );
    await typeInto('room-name', 'Lobby');
    expect(await gone('room-name-formula-warning')).toBe(true);
    await typeInto('room-name', '@reception');
    await typeInto('room-address', 'reception@sip.example.com');
    await clickOn('room-save');
    expect(fake.addRoom).toHaveBeenCalledWith(expect.objectContaining({ name: '@reception' }));
  });

  it('shows every missing required field on save and sends nothing', async () => {
    await openForm();
    await clickOn('room-save');
    expect(await textOf('room-name-error')).toBe('Name: must not be empty');
    expect(await textOf('room-address-error')).toBe('Address: a SIP room needs an address');
    expect(fake.addRoom).not.toHaveBeenCalled();
  });

  it('shows the messages in Chinese when the window is in Chinese', async () => {
    const wrapper = mountApp(RoomFormDialog, { props: { modelValue: false, room: null }, locale: 'zh-CN' });
    await wrapper.setProps({ modelValue: true });
    await settle();
    await clickOn('room-save');
    expect(await textOf('room-name-error')).toBe('名称：不能为空');
  });

  it('warns about a saved room with the same address, and offers the protocol the address belongs to', async () => {
    const existing = makeRoom({ name: 'Room 101', address: 'room101@sip.example.com' });
    await openForm();
    useRoomsStore().setRooms([existing]);
    await typeInto('room-address', 'SIP:Room101@sip.example.com');
    expect(await textOf('room-duplicate-warning')).toContain('"Room 101"');
    await clickOn('room-kind-h323');
    await typeInto('room-address', 'room101@sip.example.com');
    expect(await textOf('room-protocol-hint')).toContain('This looks like a SIP address');
    await clickOn('room-protocol-switch');
    expect(await gone('room-protocol-hint')).toBe(true);
    expect(byTestId('room-duplicate-warning')).not.toBeNull();
  });

  it('saves a valid room through main with tags split, and puts main’s refusal on its field', async () => {
    const wrapper = await openForm();
    fake.addRoom.mockReturnValueOnce(fail(ipcError('validation', 'address: already used by "Room 9"', 'address')));
    await typeInto('room-name', '北京大会议室');
    await typeInto('room-address', '10.0.0.5');
    await clickOn('room-kind-h323');
    await typeInto('room-tags', '视频；大屏, VIP');
    await clickOn('room-save');
    expect(fake.addRoom).toHaveBeenCalledWith({
      name: '北京大会议室',
      kind: 'h323',
      address: '10.0.0.5',
      location: '',
      group: '',
      tags: ['视频', '大屏', 'VIP'],
      notes: '',
      favorite: false,
    });
    expect(await textOf('room-address-error')).toBe('Address: already used by "Room 9"');
    const saved = makeRoom({ name: '北京大会议室', kind: 'h323', address: '10.0.0.5' });
    fake.addRoom.mockReturnValueOnce(ok(saved));
    await typeInto('room-address', '10.0.0.6');
    await clickOn('room-save');
    expect(wrapper.emitted('saved')?.[0]).toEqual([saved]);
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([false]);
  });

  it('edits a room with its current values filled in', async () => {
    const room = makeRoom({ name: 'Board', kind: 'rooms', meetingRoomId: 'ABC123', tags: ['a', 'b'] });
    await openForm(room);
    expect((byTestId('room-name') as HTMLInputElement).value).toBe('Board');
    expect((byTestId('room-meeting-room-id') as HTMLInputElement).value).toBe('ABC123');
    expect((byTestId('room-tags') as HTMLInputElement).value).toBe('a; b');
    fake.updateRoom.mockReturnValue(ok(room));
    await clickOn('room-save');
    expect(fake.updateRoom).toHaveBeenCalledWith(
      expect.objectContaining({ id: room.id, patch: expect.objectContaining({ meetingRoomId: 'ABC123' }) }),
    );
  });
});

describe('room form keys and languages (issue 11)', () => {
  const enter = (testId: string, init: KeyboardEventInit = {}) =>
    byTestId(testId)?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, ...init }));

  it('saves on Enter from a field, but not while an input method is composing, nor from the notes without Ctrl', async () => {
    fake.addRoom.mockReturnValue(ok(makeRoom({ name: 'Lobby' })));
    await openForm();
    await typeInto('room-name', 'Lobby');
    await typeInto('room-address', 'lobby@sip.example.com');
    enter('room-address', { isComposing: true });
    await settle();
    enter('room-notes');
    await settle();
    expect(fake.addRoom).not.toHaveBeenCalled();
    enter('room-notes', { ctrlKey: true });
    await settle();
    expect(fake.addRoom).toHaveBeenCalledTimes(1);
  });

  it('saves once on Enter in the name field, with every problem shown first when there are any', async () => {
    await openForm();
    enter('room-name');
    await settle();
    expect(await textOf('room-name-error')).toBe('Name: must not be empty');
    expect(fake.addRoom).not.toHaveBeenCalled();
    fake.addRoom.mockReturnValue(ok(makeRoom({ name: 'Lobby' })));
    await typeInto('room-name', 'Lobby');
    await typeInto('room-address', 'lobby@sip.example.com');
    enter('room-name');
    enter('room-name');
    await settle();
    expect(fake.addRoom).toHaveBeenCalledTimes(1);
  });

  it('leads every error with the field label in Chinese, never a code name', async () => {
    const wrapper = mountApp(RoomFormDialog, { props: { modelValue: false, room: null }, locale: 'zh-CN' });
    await wrapper.setProps({ modelValue: true });
    await settle();
    await typeInto('room-address', 'room 101@sip.example.com');
    expect(await textOf('room-address-error')).toBe('地址：中间不能有空格或换行');
    await clickOn('room-kind-rooms');
    await typeInto('room-meeting-room-id', '会议室');
    expect(await textOf('room-meeting-room-id-error')).toMatch(/^Rooms 会议室 ID：/);
    await typeInto('room-tags', `a; ${'长'.repeat(31)}`);
    expect(await textOf('room-tags-error')).toMatch(/^标签（第 2 个）：/);
  });

  it("shows main's refusal that names no field of the form above the buttons, with the next step", async () => {
    fake.addRoom.mockReturnValue(fail(ipcError('storage', 'The address book could not be saved')));
    await openForm();
    await typeInto('room-name', 'Lobby');
    await typeInto('room-address', 'lobby@sip.example.com');
    await clickOn('room-save');
    expect(await textOf('room-form-failure')).toContain('The address book could not be saved');
    expect(await textOf('room-form-failure')).toContain('Try again');
  });
});
