// The store when its folder works against it: read-only (every save refused), a corrupt file it cannot move aside,
// a folder where config.json should be, and temp files a killed write left behind.
//
// Read-only is simulated: these tests may run as root, whom no permission stops. node:fs is wrapped so that every
// write under a "locked" folder fails with EACCES exactly as Node reports it; reads go through. conf (the backend
// engine, loaded from node_modules) does not see the wrapper, so its factory is wrapped the same way.
import type * as NodeFs from 'node:fs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { knownOperatorError } from '../../common/operator-error';
import type { StoreBackendFactory } from '../../main/store/backend';
import { StoreWriteError } from '../../main/store/app-store';
import { roomsDocument } from '../../main/store/defaults';
import {
  configPath,
  confBackend,
  expectFileUnchanged,
  filesIn,
  historyDir,
  ok,
  open,
  roomsPath,
  sipRoom,
  tempDir,
} from './store-helpers';

const locked = vi.hoisted(() => new Set<string>());

function eacces(syscall: string, target: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EACCES: permission denied, ${syscall} '${target}'`), {
    code: 'EACCES',
    errno: -13,
    syscall,
    path: target,
  });
}

function isLocked(target: unknown): boolean {
  const file = path.resolve(String(target));
  return [...locked].some((dir) => file === dir || file.startsWith(`${dir}${path.sep}`));
}

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof NodeFs>();
  const refuse =
    <A extends unknown[], R>(syscall: string, fn: (...args: A) => R, targets: (args: A) => unknown[] = (a) => [a[0]]) =>
    (...args: A): R => {
      const blocked = targets(args).find(isLocked);
      if (blocked !== undefined) throw eacces(syscall, String(blocked));
      return fn(...args);
    };
  const writes = (flags: unknown) => typeof flags === 'string' && /[wax+]/.test(flags);
  const wrapped = {
    ...real,
    writeFileSync: refuse('open', real.writeFileSync),
    appendFileSync: refuse('open', real.appendFileSync),
    copyFileSync: refuse('copyfile', real.copyFileSync, (a) => [a[1]]),
    renameSync: refuse('rename', real.renameSync, (a) => [a[0], a[1]]),
    rmSync: refuse('rm', real.rmSync),
    unlinkSync: refuse('unlink', real.unlinkSync),
    // mkdir -p of a folder that exists succeeds even in a read-only parent.
    mkdirSync: refuse('mkdir', real.mkdirSync, (a) => (real.existsSync(a[0] as string) ? [] : [a[0]])),
    openSync: refuse('open', real.openSync, (a) => (writes(a[1]) ? [a[0]] : [])),
  };
  return { ...wrapped, default: wrapped };
});

/** conf, refusing like a read-only folder would: no file can be created, no save written. */
const lockableConf: StoreBackendFactory = (options) => {
  const file = path.join(options.cwd, `${options.configName}.json`);
  if (isLocked(file) && !existsSync(file)) throw eacces('open', `${file}.tmp-1764000000abc123`);
  const inner = confBackend(options);
  return {
    path: inner.path,
    get store() {
      return inner.store;
    },
    set store(value) {
      if (isLocked(file)) throw eacces('open', `${file}.tmp-1764000000abc123`);
      inner.store = value;
    },
  };
};

afterEach(() => locked.clear());

const CALL = {
  meetingId: '7567173273889276131',
  roomId: '0b6f3c1e-4d5a-4f6b-8c7d-9e0f1a2b3c4d',
  roomName: 'Board room',
  target: 'SIP board@example.com',
  startedAt: '2026-11-22T10:00:00.000Z',
  endedAt: '2026-11-22T10:01:00.000Z',
  outcome: 'joined',
};

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}

describe('a read-only store folder', () => {
  it('refuses each save with an error naming the folder and the permission problem, and changes nothing', () => {
    const dir = tempDir();
    const first = open(dir, { backend: lockableConf }).store;
    const room = ok(first.addRoom(sipRoom));
    ok(first.appendHistory(CALL));
    locked.add(dir);

    const { store, notices } = open(dir, { backend: lockableConf });
    expect(notices).toEqual([]);
    expect(store.listRooms()).toEqual([room]);
    // Each names the folder that refused: the store's, or its history folder inside it.
    const saves: [string, () => unknown, string][] = [
      ['add a room', () => store.addRoom({ ...sipRoom, address: 'other@example.com' }), dir],
      ['edit a room', () => store.updateRoom(room.id, { name: 'Renamed' }), dir],
      ['change a setting', () => store.updateSettings({ locale: 'zh-CN' }), dir],
      ['record a call', () => store.appendHistory({ ...CALL, meetingId: '806146667' }), historyDir(dir)],
      ['record a dial', () => store.markDialed(room.id, 'joined', '2026-11-22T11:00:00.000Z'), dir],
    ];
    for (const [what, save, folder] of saves) {
      const error = expectFileUnchanged(dir, () => thrown(save));
      expect(error, what).toBeInstanceOf(StoreWriteError);
      // What the window gets: not the generic internal error, but the folder, the problem and the next step.
      const shown = knownOperatorError(error);
      expect(shown, what).toMatchObject({ kind: 'storage', code: 'store_permission', path: folder });
      expect(shown!.message['en-US']).toContain(`no permission to write in the folder ${folder}`);
      expect(shown!.message['zh-CN']).toContain(`没有写入文件夹 ${folder} 的权限`);
      expect(shown!.hint['en-US']).toMatch(/read and write permission on that folder/);
      expect(shown!.hint['zh-CN']).toMatch(/读写权限/);
    }
    expect(store.listRooms()).toEqual([room]);
    expect(store.getSettings().locale).toBe('system');
    expect(store.listHistory()).toHaveLength(1);
    expect(store.getRoom(room.id)?.lastDialedAt).toBeUndefined();
  });

  it('starts with a corrupt file it cannot move aside: empty data in memory, a notice, and no saves', () => {
    const dir = tempDir();
    open(dir, { backend: lockableConf });
    const corrupt = '{"schemaVersion":2,"rooms":[{"id":"half a fi';
    writeFileSync(roomsPath(dir), corrupt);
    locked.add(dir);

    const { store, notices } = expectFileUnchanged(dir, () => open(dir, { backend: lockableConf }));
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ kind: 'not-saving', problem: 'permission', folder: dir });
    expect(notice.message['en-US']).toContain(dir);
    expect(notice.message['en-US']).toContain(roomsPath(dir));
    expect(notice.message['en-US']).toContain('not saved');
    expect(notice.message['zh-CN']).toContain(roomsPath(dir));
    expect(notice.message['zh-CN']).toContain('重新启动');
    expect(store.listRooms()).toEqual([]);
    expect(readFileSync(roomsPath(dir), 'utf8')).toBe(corrupt);

    const error = expectFileUnchanged(dir, () => thrown(() => store.addRoom(sipRoom)));
    expect(knownOperatorError(error)).toMatchObject({ kind: 'storage', code: 'store_not_saving', path: dir });
    expect(store.listRooms()).toEqual([]);
    expect(() => store.appendHistory(CALL)).toThrow(StoreWriteError);
  });

  it('starts in memory on a first run in a read-only folder, saying why nothing is saved', () => {
    const dir = tempDir();
    locked.add(dir);
    const { store, notices } = open(dir, { backend: lockableConf });
    expect(notices.map((n) => n.kind)).toEqual(['not-saving']);
    expect(filesIn(dir)).toEqual([]);
    expect(() => store.updateSettings({ locale: 'en-US' })).toThrow(StoreWriteError);
  });
});

describe('a folder where a store file should be', () => {
  it('starts with empty data in memory, names the folder in the way, and refuses to save until it is moved', () => {
    const dir = tempDir();
    writeFileSync(roomsPath(dir), JSON.stringify(roomsDocument()));
    mkdirSync(configPath(dir));
    const { store, notices } = open(dir);
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ kind: 'not-saving', problem: 'not-a-file', folder: dir });
    expect(notice.message['en-US']).toContain(`${configPath(dir)} is a folder`);
    expect(notice.message['en-US']).toContain('rename or move that folder away');
    expect(notice.message['zh-CN']).toContain(`${configPath(dir)} 是一个文件夹`);
    expect(store.getSettings().locale).toBe('system');

    const error = expectFileUnchanged(dir, () => thrown(() => store.addRoom(sipRoom)));
    expect(knownOperatorError(error)).toMatchObject({ kind: 'storage', code: 'store_not_saving' });
    expect(knownOperatorError(error)!.hint['en-US']).toContain('restart Room Dialer');
  });
});

describe('temp files a killed write left behind', () => {
  it('are removed at start; backups and files that are not the store stay', () => {
    const dir = tempDir();
    open(dir).store.appendHistory(CALL);
    const stale = [
      'config.json.tmp-1764000000abc123',
      'config.rooms.json.tmp-17640000011a2b3c',
      'config.last-dial.jsonl.tmp-1764000002ffffff',
      'config.json.0123456789ab.tmp',
      path.join('config.history', '000001.jsonl.tmp-1764000003000000'),
    ];
    const kept = ['config.corrupt-2026-11-22T10-00-00Z.json', 'notes.txt.tmp-1764000000abc123', 'other.json.tmp-1'];
    for (const name of [...stale, ...kept]) writeFileSync(path.join(dir, name), 'x'.repeat(1000));
    expect(existsSync(historyDir(dir))).toBe(true);

    const { notices } = open(dir);
    expect(notices).toEqual([]);
    const left = filesIn(dir);
    for (const name of stale) expect(left).not.toContain(name);
    for (const name of kept) expect(left).toContain(name);
  });
});

describe('a file where the history folder should be', () => {
  it('starts in memory, naming the file in the way', () => {
    const dir = tempDir();
    writeFileSync(historyDir(dir), 'not a folder');
    const { store, notices } = open(dir);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'not-saving', problem: 'not-a-folder' });
    expect(notices[0]!.message['en-US']).toContain(`${historyDir(dir)} is a file, where Room Dialer needs a folder`);
    expect(notices[0]!.message['zh-CN']).toContain(`${historyDir(dir)} 是一个文件`);
    expect(() => store.appendHistory(CALL)).toThrow(StoreWriteError);
  });
});
