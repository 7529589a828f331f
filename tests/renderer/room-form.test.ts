// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import RoomFormDialog from '../../renderer/src/components/RoomFormDialog.vue';
import { useRoomsStore } from '../../renderer/src/stores/rooms';
import { makeRoom } from './fixtures';
import { fail, installFakeApi, ipcError, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, gone, mountApp, settle, textOf } from './helpers/mount';

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

async function type(testId: string, value: string): Promise<void> {
  const input = byTestId(testId) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

async function click(testId: string): Promise<void> {
  byTestId(testId)?.click();
  await settle();
}

describe('room form', () => {
  it('names the problem with an address as it is typed, per protocol', async () => {
    await openForm();
    await type('room-address', 'room 101@sip.example.com');
    expect(await textOf('room-address-error')).toContain('address: must not contain spaces');
    await type('room-address', 'room101@sip.example.com');
    expect(await gone('room-address-error')).toBe(true);
    await click('room-kind-rooms');
    await type('room-meeting-room-id', '会议室');
    expect(await textOf('room-meeting-room-id-error')).toMatch(/^meetingRoomId: /);
  });

  it('shows every missing required field on save and sends nothing', async () => {
    await openForm();
    await click('room-save');
    expect(await textOf('room-name-error')).toBe('name: must not be empty');
    expect(await textOf('room-address-error')).toBe('address: a SIP room needs an address');
    expect(fake.addRoom).not.toHaveBeenCalled();
  });

  it('shows the messages in Chinese when the window is in Chinese', async () => {
    const wrapper = mountApp(RoomFormDialog, { props: { modelValue: false, room: null }, locale: 'zh-CN' });
    await wrapper.setProps({ modelValue: true });
    await settle();
    await click('room-save');
    expect(await textOf('room-name-error')).toBe('name：不能为空');
  });

  it('warns about a saved room with the same address, and offers the protocol the address belongs to', async () => {
    const existing = makeRoom({ name: 'Room 101', address: 'room101@sip.example.com' });
    await openForm();
    useRoomsStore().setRooms([existing]);
    await type('room-address', 'SIP:Room101@sip.example.com');
    expect(await textOf('room-duplicate-warning')).toContain('"Room 101"');
    await click('room-kind-h323');
    await type('room-address', 'room101@sip.example.com');
    expect(await textOf('room-protocol-hint')).toContain('This looks like a SIP address');
    await click('room-protocol-switch');
    expect(await gone('room-protocol-hint')).toBe(true);
    expect(byTestId('room-duplicate-warning')).not.toBeNull();
  });

  it('saves a valid room through main with tags split, and puts main’s refusal on its field', async () => {
    const wrapper = await openForm();
    fake.addRoom.mockReturnValueOnce(fail(ipcError('validation', 'address: already used by "Room 9"', 'address')));
    await type('room-name', '北京大会议室');
    await type('room-address', '10.0.0.5');
    await click('room-kind-h323');
    await type('room-tags', '视频；大屏, VIP');
    await click('room-save');
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
    expect(await textOf('room-address-error')).toBe('address: already used by "Room 9"');
    const saved = makeRoom({ name: '北京大会议室', kind: 'h323', address: '10.0.0.5' });
    fake.addRoom.mockReturnValueOnce(ok(saved));
    await type('room-address', '10.0.0.6');
    await click('room-save');
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
    await click('room-save');
    expect(fake.updateRoom).toHaveBeenCalledWith(
      expect.objectContaining({ id: room.id, patch: expect.objectContaining({ meetingRoomId: 'ABC123' }) }),
    );
  });
});
