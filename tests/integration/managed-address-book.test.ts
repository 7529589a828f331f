// IT's shared address book over https, end to end through composeApp: a local https server with a self-signed
// certificate made at test time (openssl, which Debian's ca-certificates depends on), the app's fetch injected as
// undici's fetch with an Agent that trusts that certificate (Node's own fetch has no per-request CA). The server gives
// an ETag; a refresh sends If-None-Match and a 304 keeps the copy; the server gone, the notice names the book and the
// copy stays in force, also across a restart.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../main/api/client';
import { SHARED_BOOK_CACHE_FILE } from '../../main/managed/shared-book-sync';
import { composeApp, type ComposedApp } from '../../main/shell/compose';
import { CredentialVault } from '../../main/vault/credential-vault';
import { recordingLog } from '../helpers/ipc-harness';
import { MemorySecretStore } from '../helpers/memory-secret-store';
import { confBackend, tempDir } from '../unit/store-helpers';

interface BookServer {
  readonly url: string;
  /** What each request asked for: its If-None-Match, and the status it got. */
  readonly requests: { ifNoneMatch: string | undefined; status: number }[];
  book: { etag: string; body: string };
  close(): Promise<void>;
}

let certDir: string;
let key: string;
let cert: string;

beforeAll(() => {
  certDir = mkdtempSync(path.join(tmpdir(), 'room-dialer-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        path.join(certDir, 'key.pem'),
        '-out',
        path.join(certDir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
  } catch (error) {
    throw new Error('this test makes its TLS certificate with openssl (apt-get install openssl)', { cause: error });
  }
  key = readFileSync(path.join(certDir, 'key.pem'), 'utf8');
  cert = readFileSync(path.join(certDir, 'cert.pem'), 'utf8');
});

afterAll(() => rmSync(certDir, { recursive: true, force: true }));

async function startBookServer(book: { etag: string; body: string }): Promise<BookServer> {
  const requests: BookServer['requests'] = [];
  const state = { book };
  const server: Server = createServer({ key, cert }, (request, response) => {
    const ifNoneMatch = request.headers['if-none-match'];
    const status = ifNoneMatch === state.book.etag ? 304 : 200;
    requests.push({ ifNoneMatch, status });
    // A fresh connection each time, so "the server is gone" is a refused connection, not a reused socket closing.
    response.writeHead(status, {
      ETag: state.book.etag,
      'Content-Type': 'application/json; charset=utf-8',
      Connection: 'close',
    });
    response.end(status === 200 ? state.book.body : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/it/rooms.json?token=abc`,
    requests,
    get book() {
      return state.book;
    },
    set book(next) {
      state.book = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The app's fetch, trusting the test certificate and nothing else new. */
function trustingFetch(): FetchLike {
  const dispatcher = new Agent({ connect: { ca: cert } });
  return (url, init) => undiciFetch(url, { ...(init as object), dispatcher }) as unknown as Promise<Response>;
}

const ROOMS = {
  rooms: [
    { name: '3F 大会议室', kind: 'sip', address: 'room301@sip.example.com', group: '3F' },
    { name: 'Lobby', kind: 'rooms', meetingRoomId: 'R1001' },
  ],
};

function startDesk(userData: string, configFile: string): Promise<ComposedApp> {
  return composeApp({
    env: { ROOM_DIALER_MANAGED_CONFIG: configFile },
    platform: 'linux',
    userDataDir: userData,
    storeBackend: confBackend,
    openVault: () => new CredentialVault(new MemorySecretStore()),
    fetch: trustingFetch(),
    appVersion: '0.1.0-test',
    systemLocale: 'en-US',
    log: recordingLog(),
    openExternal: async () => {},
    broadcast: () => {},
  });
}

describe('a shared address book over https', () => {
  it('fetches it, asks again with If-None-Match (304 keeps the copy), and keeps the copy when the server is gone', async () => {
    const server = await startBookServer({ etag: '"v1"', body: JSON.stringify(ROOMS) });
    const userData = tempDir();
    const configFile = path.join(tempDir(), 'managed.json');
    writeFileSync(configFile, JSON.stringify({ version: 1, addressBook: { url: server.url, refreshMinutes: 0 } }));

    let app = await startDesk(userData, configFile);
    try {
      expect(server.requests).toEqual([{ ifNoneMatch: undefined, status: 200 }]);
      const rooms = await app.handlers['rooms:list']({});
      expect(rooms.map((room) => [room.name, room.managed])).toEqual([
        ['3F 大会议室', true],
        ['Lobby', true],
      ]);
      const info = await app.handlers['app:info']({});
      // Shown without its query: a token there stays out of the window and the log.
      expect(info.managed?.addressBook?.source).toBe(server.url.replace('?token=abc', ''));
      const kept = JSON.parse(readFileSync(path.join(userData, SHARED_BOOK_CACHE_FILE), 'utf8')) as { etag: string };
      expect(kept.etag).toBe('"v1"');

      // Unchanged: one 304, nothing rewritten.
      const fetchedAt = info.managed?.addressBook?.updatedAt;
      await app.managed?.refreshBook();
      expect(server.requests.at(-1)).toEqual({ ifNoneMatch: '"v1"', status: 304 });
      expect((await app.handlers['rooms:list']({})).map((room) => room.id)).toEqual(rooms.map((room) => room.id));
      expect((await app.handlers['app:info']({})).managed?.addressBook?.updatedAt).toBe(fetchedAt);

      // Changed: a 200 with the new ETag, merged by device (Lobby keeps its id).
      server.book = {
        etag: '"v2"',
        body: JSON.stringify({ rooms: [{ ...ROOMS.rooms[1], name: 'Lobby 1F' }] }),
      };
      await app.managed?.refreshBook();
      expect(server.requests.at(-1)).toEqual({ ifNoneMatch: '"v1"', status: 200 });
      const after = await app.handlers['rooms:list']({});
      expect(after.map((room) => [room.id, room.name])).toEqual([[rooms[1]?.id, 'Lobby 1F']]);

      // Gone: the notice names the book and the reason, and the copy stays.
      await server.close();
      await app.managed?.refreshBook();
      const notices = (await app.handlers['app:info']({})).notices;
      const notice = notices.at(-1)?.message;
      expect(notice?.['en-US']).toMatch(
        /IT's shared address book https:\/\/127\.0\.0\.1:\d+\/it\/rooms\.json could not/,
      );
      expect(notice?.['en-US']).toMatch(/could not be reached \(ECONNREFUSED\)/);
      expect(notice?.['en-US']).toContain('goes on with the copy from');
      expect(notice?.['zh-CN']).toContain('IT 部门的共享通讯录');
      expect(notice?.['zh-CN']).toContain('继续使用');
      expect(notice?.['en-US']).not.toContain('token');
      expect(await app.handlers['rooms:list']({})).toEqual(after);
    } finally {
      app.services.shutdown();
    }

    // A restart while the server is still gone: the kept copy is in force at once, and the notice says so.
    app = await startDesk(userData, configFile);
    try {
      expect((await app.handlers['rooms:list']({})).map((room) => room.name)).toEqual(['Lobby 1F']);
      const info = await app.handlers['app:info']({});
      expect(info.notices.at(-1)?.message['en-US']).toContain('goes on with the copy from');
    } finally {
      app.services.shutdown();
    }
  });

  it('refuses a bad copy from the server and keeps the good one', async () => {
    const server = await startBookServer({ etag: '"a"', body: JSON.stringify(ROOMS) });
    const configFile = path.join(tempDir(), 'managed.json');
    writeFileSync(configFile, JSON.stringify({ version: 1, addressBook: { url: server.url, refreshMinutes: 0 } }));
    const app = await startDesk(tempDir(), configFile);
    try {
      server.book = {
        etag: '"b"',
        body: JSON.stringify({
          rooms: [...ROOMS.rooms, { name: 'Again', kind: 'sip', address: 'sip:ROOM301@sip.example.com' }],
        }),
      };
      await app.managed?.refreshBook();
      const notice = (await app.handlers['app:info']({})).notices.at(-1)?.message['en-US'];
      expect(notice).toMatch(/rooms\[0\] and rooms\[2\] ring the same device/);
      expect((await app.handlers['rooms:list']({})).map((room) => room.name)).toEqual(['3F 大会议室', 'Lobby']);
      // The next ask still names the copy in force, not the refused one.
      await app.managed?.refreshBook();
      expect(server.requests.at(-1)?.ifNoneMatch).toBe('"a"');
    } finally {
      app.services.shutdown();
      await server.close();
    }
  });
});
