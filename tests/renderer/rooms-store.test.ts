// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useRoomsStore } from '../../renderer/src/stores/rooms';
import { makeRoom } from './fixtures';
import { installFakeApi, ok, type FakeApi } from './helpers/fake-api';

let fake: FakeApi;
beforeEach(() => {
  setActivePinia(createPinia());
  fake = installFakeApi();
});

const rooms = [
  makeRoom({ name: '上海培训室', group: '华东', address: 'sh@sip.example.com' }),
  makeRoom({ name: 'Board Room', kind: 'rooms', meetingRoomId: 'ABC123', favorite: true }),
  makeRoom({ name: '北京大会议室', kind: 'h323', address: '10.0.0.5', group: '华北' }),
  makeRoom({ name: 'Annex', address: 'annex@sip.example.com', favorite: true }),
];

describe('rooms store', () => {
  it('pins favorites on top, then sorts by name (Chinese by pinyin)', async () => {
    fake.listRooms.mockReturnValue(ok(rooms));
    const store = useRoomsStore();
    await store.load();
    expect(store.visible.map((r) => r.name)).toEqual(['Annex', 'Board Room', '北京大会议室', '上海培训室']);
    expect(store.groups).toEqual(['华北', '华东']);
  });

  it('filters by protocol, group, favorites and search, pinyin included', async () => {
    fake.listRooms.mockReturnValue(ok(rooms));
    const store = useRoomsStore();
    await store.load();
    await store.flushPinyin();
    store.protocol = 'sip';
    expect(store.visible.map((r) => r.name)).toEqual(['Annex', '上海培训室']);
    store.protocol = 'all';
    store.group = '华北';
    expect(store.visible.map((r) => r.name)).toEqual(['北京大会议室']);
    store.group = '';
    store.favoritesOnly = true;
    expect(store.visible.map((r) => r.name)).toEqual(['Annex', 'Board Room']);
    store.favoritesOnly = false;
    store.query = 'shpx';
    expect(store.visible.map((r) => r.name)).toEqual(['上海培训室']);
  });

  it('finds rooms by their written text at once, and by pinyin once the reader has loaded after the paint', async () => {
    const store = useRoomsStore();
    store.setRooms(rooms);
    store.query = '上海';
    expect(store.visible.map((r) => r.name)).toEqual(['上海培训室']);
    store.query = 'shanghai';
    // The reader is a chunk of its own, fetched in idle time: nothing is found by pinyin before it is there.
    expect(store.visible).toEqual([]);
    await vi.waitFor(() => expect(store.visible.map((r) => r.name)).toEqual(['上海培训室']));
    store.query = 'bjdhys';
    expect(store.visible.map((r) => r.name)).toEqual(['北京大会议室']);
  });

  it('keeps the same list while keystrokes or filter changes leave it as it was', async () => {
    const store = useRoomsStore();
    store.setRooms(rooms);
    await store.flushPinyin();
    store.query = 'room';
    const shown = store.visible;
    expect(shown.map((r) => r.name)).toEqual(['Board Room']);
    store.query = 'room ';
    expect(store.visible).toBe(shown);
    store.query = 'roo';
    expect(store.visible).toBe(shown);
    store.query = 'an';
    expect(store.visible.map((r) => r.name)).toEqual(['Annex', '上海培训室']);
    store.favoritesOnly = true;
    expect(store.visible.map((r) => r.name)).toEqual(['Annex']);
    store.query = 'ann';
    const annex = store.visible;
    store.query = 'anne';
    expect(store.visible).toBe(annex);
    store.favoritesOnly = false;
    store.query = '';
    expect(store.visible.map((r) => r.name)).toEqual(['Annex', 'Board Room', '北京大会议室', '上海培训室']);
  });

  it('adds, updates, deletes and restores through main, keeping the list in step', async () => {
    const store = useRoomsStore();
    store.setRooms(rooms);
    const added = makeRoom({ name: 'New' });
    fake.addRoom.mockReturnValue(ok(added));
    await store.add({ name: 'New', kind: 'sip', address: 'room101@sip.example.com', tags: ['a'] });
    expect(fake.addRoom).toHaveBeenCalledWith({
      name: 'New',
      kind: 'sip',
      address: 'room101@sip.example.com',
      tags: ['a'],
    });
    fake.updateRoom.mockReturnValue(ok({ ...added, name: 'Renamed' }));
    await store.update(added.id, { name: 'Renamed' });
    expect(store.byId.get(added.id)?.name).toBe('Renamed');
    store.toggleSelected(added.id);
    fake.deleteRoom.mockReturnValue(ok({ ...added, name: 'Renamed' }));
    const removed = await store.remove(added.id);
    expect(store.byId.has(added.id)).toBe(false);
    expect(store.selected.has(added.id)).toBe(false);
    fake.restoreRoom.mockReturnValue(ok(removed));
    await store.restore(removed);
    expect(fake.restoreRoom).toHaveBeenCalledWith({ room: removed });
    expect(store.byId.get(added.id)?.name).toBe('Renamed');
  });

  it('finds a saved room with the same address, ignoring case and a sip: prefix', () => {
    const store = useRoomsStore();
    store.setRooms(rooms);
    expect(store.duplicates.find('sip', 'SIP:SH@sip.example.com')?.name).toBe('上海培训室');
    expect(store.duplicates.find('h323', 'sh@sip.example.com')).toBeUndefined();
    expect(store.duplicates.find('sip', 'sh@sip.example.com', rooms[0]!.id)).toBeUndefined();
  });
});
