// Profiles in the store's files: each profile's address book and sets in files of its own, the profile in use
// remembered across restarts, a profile's unreadable book moved aside (never wiped) when it is opened, the list's
// rules (names, the one in use, the last one), and IT's profiles laid over the list.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppStore } from '../../main/store/app-store';
import { confBackend, tempDir } from './store-helpers';

const SIP = { name: 'Lobby', kind: 'sip', address: 'lobby@sip.example.com' } as const;

function open(dir: string) {
  return openAppStore({ cwd: dir, backend: confBackend });
}

describe('profiles in the store', () => {
  it('keeps each profile in its own files and reopens on the profile last in use', () => {
    const dir = tempDir();
    const { store } = open(dir);
    expect(store.addRoom({ ...SIP, name: 'Lobby A' }).ok).toBe(true);
    const b = store.profiles.add({ name: 'Branch B' });
    expect(b).toEqual({ ok: true, value: { id: 'Branch-B', name: 'Branch B' } });
    expect(store.profiles.activate('Branch-B').ok).toBe(true);
    expect(store.listRooms()).toEqual([]);
    expect(store.addRoom({ ...SIP, name: 'Lobby B' }).ok).toBe(true);
    expect(store.sets.createSet({ name: 'Board', roomIds: [store.listRooms()[0]!.id] }).ok).toBe(true);

    const files = readdirSync(dir);
    expect(files).toEqual(expect.arrayContaining(['config.rooms.json', 'config.Branch-B.rooms.json']));
    expect(files).toContain('config.Branch-B.sets.json');
    expect(files).not.toContain('config.sets.json');

    const reopened = open(dir).store;
    expect(reopened.profiles.active().id).toBe('Branch-B');
    expect(reopened.listRooms().map((room) => room.name)).toEqual(['Lobby B']);
    expect(reopened.sets.listSets().map((set) => set.name)).toEqual(['Board']);
    expect(reopened.profiles.activate('default').ok).toBe(true);
    expect(reopened.listRooms().map((room) => room.name)).toEqual(['Lobby A']);
    expect(reopened.sets.listSets()).toEqual([]);
  });

  it("moves a profile's unreadable book aside when it is opened, says so, and leaves the others alone", () => {
    const dir = tempDir();
    const { store } = open(dir);
    store.addRoom(SIP);
    store.profiles.add({ name: 'Branch B' });
    writeFileSync(path.join(dir, 'config.Branch-B.rooms.json'), '{ not json');
    const switched = store.profiles.activate('Branch-B');
    if (!switched.ok) throw new Error('switch refused');
    expect(switched.value.notices).toHaveLength(1);
    expect(switched.value.notices[0]?.backupPath).toMatch(/config\.Branch-B\.rooms\.corrupt-.*\.json$/);
    expect(readFileSync(switched.value.notices[0]!.backupPath, 'utf8')).toBe('{ not json');
    expect(store.listRooms()).toEqual([]);
    store.profiles.activate('default');
    expect(store.listRooms().map((room) => room.name)).toEqual(['Lobby']);
  });

  it('falls back to the first profile when the file names one it does not list', () => {
    const dir = tempDir();
    const { store } = open(dir);
    store.profiles.add({ name: 'Branch B' });
    const file = path.join(dir, 'config.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...doc, activeProfile: 'gone' }));
    expect(open(dir).store.profiles.active().id).toBe('default');
  });

  it('refuses a duplicate or empty name, removing the one in use or an unknown one, and changes nothing', () => {
    const dir = tempDir();
    const { store } = open(dir);
    store.profiles.add({ name: 'Branch B' });
    const before = readFileSync(path.join(dir, 'config.json'), 'utf8');
    expect(store.profiles.add({ name: 'branch b' })).toMatchObject({ ok: false, error: { field: 'name' } });
    expect(store.profiles.add({ name: ' ' })).toMatchObject({ ok: false, error: { field: 'name' } });
    expect(store.profiles.add({ name: 'x', endpoint: 'http://insecure.example.com' })).toMatchObject({
      ok: false,
      error: { field: 'endpoint' },
    });
    expect(store.profiles.update('nobody', { name: 'x' })).toMatchObject({ ok: false, error: { field: 'id' } });
    expect(store.profiles.remove('default')).toMatchObject({ ok: false, error: { field: 'id' } });
    expect(store.profiles.activate('nobody')).toMatchObject({ ok: false, error: { field: 'id' } });
    expect(readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it("renames and gives a profile its own endpoint, and clears it again with ''", () => {
    const { store } = open(tempDir());
    store.profiles.add({ name: 'Branch B' });
    expect(store.profiles.update('Branch-B', { name: 'Branch office', endpoint: 'https://gw.example.com/' })).toEqual({
      ok: true,
      value: { id: 'Branch-B', name: 'Branch office', endpoint: 'https://gw.example.com' },
    });
    expect(store.profiles.update('Branch-B', { endpoint: '' })).toEqual({
      ok: true,
      value: { id: 'Branch-B', name: 'Branch office' },
    });
  });

  it("lays IT's profiles over the list: names and endpoints in place, new ones at the end, nothing written twice", () => {
    const dir = tempDir();
    const { store } = open(dir);
    store.profiles.add({ name: 'Reception' });
    store.profiles.syncManaged([
      { id: 'default', name: 'Head office' },
      { id: 'branch-b', name: 'Branch B', endpoint: 'https://gw-b.example.com' },
    ]);
    expect(store.profiles.list()).toEqual([
      { id: 'default', name: 'Head office' },
      { id: 'Reception', name: 'Reception' },
      { id: 'branch-b', name: 'Branch B', endpoint: 'https://gw-b.example.com' },
    ]);
    const written = readFileSync(path.join(dir, 'config.json'), 'utf8');
    store.profiles.syncManaged([{ id: 'default', name: 'Head office' }]);
    expect(readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(written);
  });
});
