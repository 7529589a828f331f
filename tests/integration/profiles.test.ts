// Profiles as the window meets them: two enterprises (two simulators, each strict about its own credentials), one
// desk. Through the real IPC handlers, store files, dialer and call tracker. Waits are on broadcasts or request logs.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallView } from '../../common/call-model';
import { DEMO_CREDENTIALS, startSimulator, type Simulator } from '../../simulator/server';
import { startIpcHarness, type IpcHarness } from '../helpers/ipc-harness';

const COMPANY_B = {
  appId: '300000002',
  sdkId: '30000000002',
  secretId: 'AKIDCompanyBReception0002',
  secretKey: 'CompanyB-simulator-key-not-a-real-secret-0002',
  operatorId: 'admin1',
};
const WEEKLY = { meetingId: '7567173273889276131', meetingCode: '806146667', subject: 'Weekly sync' };
const ROOM_CALL = '/v1/meeting-rooms/room-call';
const CALL_INFO = '/v1/meeting-rooms/room-call-info';

let h: IpcHarness;
let simB: Simulator;
afterEach(async () => {
  await h.close();
  await simB.close();
});

const isFinal = (call: CallView) => !['queued', 'calling', 'ringing'].includes(call.state);
const count = (sim: Simulator, route: string) => sim.requests.filter((r) => r.path === route).length;

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Desk with the first profile on the harness's simulator and "Company B" (its own endpoint and keys) added. */
async function twoEnterprises(answerDelayMs = 0): Promise<string> {
  h = await startIpcHarness({ simulator: { answerDelayMs } });
  simB = await startSimulator({ answerDelayMs, credentials: { ...COMPANY_B } });
  const added = await h.ok('profiles:add', { name: 'Company B' });
  expect(added).toMatchObject({ id: 'Company-B', name: 'Company B', endpoint: null, configured: false });
  // The window may only point a profile at Tencent's API; the local simulator is set the way IT's file would.
  expect(h.store.profiles.update(added.id, { endpoint: simB.url }).ok).toBe(true);
  return added.id;
}

describe('profiles', () => {
  it('a desk from before profiles has one, the keychain\'s "default" account, upgraded in place', async () => {
    h = await startIpcHarness();
    simB = await startSimulator();
    const state = await h.ok('profiles:list', {});
    expect(state).toEqual({
      active: 'default',
      profiles: [{ id: 'default', name: '', endpoint: null, configured: true, managed: false }],
    });
    // Nothing is written until the list changes: the settings file is the earlier version's, untouched.
    expect(h.stored().profiles).toBeUndefined();
    expect(await h.ok('credentials:test', {})).toEqual({ ok: true });
  });

  it('each profile has its own keychain entry, address book and endpoint', async () => {
    const b = await twoEnterprises();
    await h.ok('rooms:add', { name: 'Lobby A', kind: 'sip', address: 'lobby-a@sip.example.com' });

    const switched = await h.ok('profiles:switch', { id: b });
    expect(switched).toMatchObject({ kind: 'switched', state: { active: b } });
    expect(await h.ok('rooms:list', {})).toEqual([]);
    expect(await h.ok('credentials:get', {})).toMatchObject({ profile: b, configured: false });
    await h.ok('credentials:save', COMPANY_B);
    expect(await h.ok('credentials:test', {})).toEqual({ ok: true });
    await h.ok('rooms:add', { name: 'Lobby B', kind: 'sip', address: 'lobby-b@sip.example.com' });

    // One keychain entry per profile, each with its own enterprise's key.
    expect(await h.secrets.get('default')).toContain(DEMO_CREDENTIALS.secretKey);
    expect(await h.secrets.get(b)).toContain(COMPANY_B.secretKey);
    expect(await h.secrets.get(b)).not.toContain(DEMO_CREDENTIALS.secretKey);

    await h.ok('profiles:switch', { id: 'default' });
    expect((await h.ok('rooms:list', {})).map((room) => room.name)).toEqual(['Lobby A']);
    await h.ok('profiles:switch', { id: b });
    expect((await h.ok('rooms:list', {})).map((room) => room.name)).toEqual(['Lobby B']);
    // The profile in use is remembered in the settings file.
    expect(h.stored().activeProfile).toBe(b);
  });

  it('a call stays on its profile across a switch: asked first, then polled with its own credentials', async () => {
    const b = await twoEnterprises(1500);
    const room = await h.ok('rooms:add', { name: 'Lobby A', kind: 'sip', address: 'lobby-a@sip.example.com' });
    const [call] = (await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room.id] })).calls;
    expect(call?.profile).toEqual({ id: 'default', name: '' });
    await h.nextUpdate((c) => c.callId === call!.callId && c.state === 'ringing');

    // While it rings the switch is a question, and nothing changes.
    const asked = await h.ok('profiles:switch', { id: b });
    expect(asked).toEqual({
      kind: 'ask',
      question: { from: 'default', to: b, activeCalls: 1, pendingRetries: 0, armedSchedules: 0 },
    });
    expect((await h.ok('profiles:list', {})).active).toBe('default');

    const confirmed = await h.ok('profiles:switch', { id: b, confirmed: true });
    expect(confirmed).toMatchObject({ kind: 'switched', state: { active: b } });
    const infoBefore = count(h.sim, CALL_INFO);
    const ended = await h.nextUpdate((c) => c.callId === call!.callId && isFinal(c));
    expect(ended.state).toBe('joined');
    // Its status was read from its own enterprise (the other simulator would refuse A's signature), none from B's.
    expect(count(h.sim, CALL_INFO)).toBeGreaterThan(infoBefore);
    expect(count(simB, CALL_INFO)).toBe(0);
    expect(count(simB, ROOM_CALL)).toBe(0);

    // History says whose call it was.
    await until(() => h.store.listHistory().length === 1);
    expect(h.store.listHistory()[0]).toMatchObject({ roomName: 'Lobby A', profile: { id: 'default', name: '' } });
    // And its room's last dial is in its own address book when that profile is back.
    await h.ok('profiles:switch', { id: 'default' });
    expect(await h.ok('rooms:list', {})).toEqual([
      expect.objectContaining({ id: room.id, lastOutcome: 'joined', lastDialedAt: ended.startedAt }),
    ]);
  });

  it('a switch while a dial reads its meeting: the call is placed, labelled and followed as the old profile', async () => {
    const b = await twoEnterprises();
    const room = await h.ok('rooms:add', { name: 'Lobby A', kind: 'sip', address: 'lobby-a@sip.example.com' });
    h.sim.setFaults({ latencyMs: 300 });
    const before = h.sim.requests.length;
    const dialing = h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room.id] });
    // The dial is still reading the meeting: nothing rings yet, so the switch is not a question.
    await until(() => h.sim.requests.length > before);
    expect(await h.ok('profiles:switch', { id: b })).toMatchObject({ kind: 'switched' });
    const [call] = (await dialing).calls;
    expect(call?.profile).toEqual({ id: 'default', name: '' });
    h.sim.setFaults({});
    expect((await h.nextUpdate((c) => c.callId === call!.callId && isFinal(c))).state).toBe('joined');
    expect(count(h.sim, ROOM_CALL)).toBe(1);
    expect(count(simB, ROOM_CALL)).toBe(0);
  });

  it('a call on the second profile goes to its enterprise with its keys, and history names it', async () => {
    const b = await twoEnterprises();
    await h.ok('profiles:switch', { id: b });
    await h.ok('credentials:save', COMPANY_B);
    const room = await h.ok('rooms:add', { name: 'Lobby B', kind: 'sip', address: 'lobby-b@sip.example.com' });
    const requestsOnA = h.sim.requests.length;
    const [call] = (await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room.id] })).calls;
    const ended = await h.nextUpdate((c) => c.callId === call!.callId && isFinal(c));
    expect(ended).toMatchObject({ state: 'joined', profile: { id: b, name: 'Company B' } });
    expect(count(simB, ROOM_CALL)).toBe(1);
    expect(h.sim.requests.length).toBe(requestsOnA);
    await until(() => h.store.listHistory().length === 1);
    expect(h.store.listHistory()[0]?.profile).toEqual({ id: b, name: 'Company B' });
  });

  it("each profile has its own schedules: the old profile's wait, armed, until it is back", async () => {
    const b = await twoEnterprises();
    const room = await h.ok('rooms:add', { name: 'Lobby A', kind: 'sip', address: 'lobby-a@sip.example.com' });
    const set = await h.ok('sets:create', { name: 'Board meeting', roomIds: [room.id] });
    const schedule = await h.ok('schedules:add', {
      name: 'Monday board',
      setId: set.id,
      meeting: WEEKLY,
      recurring: false,
      trigger: { kind: 'host_joins' },
    });

    const asked = await h.ok('profiles:switch', { id: b });
    expect(asked).toMatchObject({ kind: 'ask', question: { activeCalls: 0, pendingRetries: 0, armedSchedules: 1 } });
    await h.ok('profiles:switch', { id: b, confirmed: true });
    expect(await h.ok('schedules:list', {})).toEqual([]);
    expect(await h.ok('sets:list', {})).toEqual([]);
    expect(existsSync(path.join(h.dir, `config.${b}.schedules.json`))).toBe(false);

    await h.ok('profiles:switch', { id: 'default' });
    expect(await h.ok('schedules:list', {})).toEqual([
      expect.objectContaining({ id: schedule.id, name: 'Monday board', armed: true }),
    ]);
    expect((await h.ok('sets:list', {})).map((s) => s.name)).toEqual(['Board meeting']);
  });

  it('copies rooms into another profile once; duplicates there are left alone', async () => {
    const b = await twoEnterprises();
    const lobby = await h.ok('rooms:add', { name: 'Lobby A', kind: 'sip', address: 'lobby-a@sip.example.com' });
    const board = await h.ok('rooms:add', { name: 'Board', kind: 'rooms', meetingRoomId: '123456' });
    expect(await h.ok('rooms:copy-to-profile', { roomIds: [lobby.id, board.id, 'gone'], profileId: b })).toEqual({
      copied: 2,
      alreadyThere: 0,
      notFound: 1,
    });
    expect(await h.ok('rooms:copy-to-profile', { roomIds: [lobby.id], profileId: b })).toEqual({
      copied: 0,
      alreadyThere: 1,
      notFound: 0,
    });
    const refused = await h.fail('rooms:copy-to-profile', { roomIds: [lobby.id], profileId: 'default' });
    expect(refused.field).toBe('profileId');

    await h.ok('profiles:switch', { id: b });
    const copies = await h.ok('rooms:list', {});
    expect(copies.map((room) => room.name)).toEqual(['Lobby A', 'Board']);
    // Copies are the other book's own rooms: new ids, no dial history from this profile.
    expect(copies.map((room) => room.id)).not.toContain(lobby.id);
  });

  it('removing a profile deletes its keychain entry and keeps its address book aside; the one in use stays', async () => {
    const b = await twoEnterprises();
    await h.ok('profiles:switch', { id: b });
    await h.ok('credentials:save', COMPANY_B);
    await h.ok('rooms:add', { name: 'Lobby B', kind: 'sip', address: 'lobby-b@sip.example.com' });

    const inUse = await h.fail('profiles:remove', { id: b });
    expect(inUse.field).toBe('id');
    expect(await h.secrets.get(b)).not.toBeNull();

    await h.ok('profiles:switch', { id: 'default' });
    const state = await h.ok('profiles:remove', { id: b });
    expect(state.profiles.map((profile) => profile.id)).toEqual(['default']);
    expect(await h.secrets.get(b)).toBeNull();
    expect(await h.secrets.get('default')).not.toBeNull();
    const files = readdirSync(h.dir);
    expect(files.some((name) => name.startsWith(`config.${b}.rooms.removed-`))).toBe(true);
    expect(existsSync(path.join(h.dir, `config.${b}.rooms.json`))).toBe(false);
    expect(existsSync(path.join(h.dir, 'config.rooms.json'))).toBe(true);

    // The last profile cannot go either.
    expect((await h.fail('profiles:remove', { id: 'default' })).field).toBe('id');
  });

  it('a bad name or endpoint names the field in both languages and changes nothing', async () => {
    await twoEnterprises();
    const before = h.snapshot();
    for (const [payload, field] of [
      [{ name: '   ' }, 'name'],
      [{ name: 'company b' }, 'name'],
      [{ name: 'x'.repeat(41) }, 'name'],
      [{ name: 'Branch', endpoint: 'http://api.example.com' }, 'endpoint'],
      [{ name: 'Branch', endpoint: 'https://evil.example.com' }, 'endpoint'],
    ] as const) {
      const error = await h.fail('profiles:add', payload);
      expect(error.field).toBe(field);
      expect(error.message['zh-CN']).toContain(field);
      expect(error.message['en-US']).toContain(field);
    }
    expect((await h.fail('profiles:switch', { id: 'nobody' })).field).toBe('id');
    expect(h.snapshot()).toBe(before);
  });
});
