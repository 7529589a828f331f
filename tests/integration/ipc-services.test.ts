// createServices as the shell and the end-to-end tests use it: demo mode against the simulator, the default call
// tracker, the broadcast of call updates, shutdown, and a client built from what is saved at each use.
import { afterEach, describe, expect, it } from 'vitest';
import type { CallView } from '../../common/call-model';
import { createDispatcher } from '../../main/ipc/register';
import { createServices, type Services } from '../../main/services';
import { demoSetupFromEnv } from '../../main/services/demo';
import { openAppStore } from '../../main/store/app-store';
import { DEMO_CREDENTIALS, demoEnv, startSimulator, type Simulator } from '../../simulator/server';
import { APP_SENDER, recordingLog, startIpcHarness, type IpcHarness } from '../helpers/ipc-harness';
import { confBackend, tempDir } from '../unit/store-helpers';

const MEETING = { meetingId: '7567173273889276131', meetingCode: '806146667' };

describe('demo mode', () => {
  let sim: Simulator;
  let services: Services | undefined;
  afterEach(async () => {
    services?.shutdown();
    await sim.close();
  });

  it('runs the real handlers against the simulator with the credentials from the environment', async () => {
    sim = await startSimulator({ answerDelayMs: 0 });
    const demo = await demoSetupFromEnv(demoEnv(sim.url));
    if (!demo) throw new Error('demo set-up expected');
    const { store } = openAppStore({ cwd: tempDir(), configName: 'demo', backend: confBackend });
    const log = recordingLog();
    services = createServices({
      store,
      vault: demo.vault,
      fetch: (url, init) => fetch(url, init),
      appVersion: '0.1.0',
      log,
      demo: { endpoint: demo.endpoint },
    });
    const dispatch = createDispatcher(services.handlers, { allowedOrigins: ['app://room-dialer'], log });

    expect(store.getSettings().endpoint).toBe(sim.url);
    expect(await dispatch('app:info', APP_SENDER, {})).toMatchObject({ ok: true, value: { demo: true } });
    expect(await dispatch('credentials:test', APP_SENDER, {})).toEqual({ ok: true, value: { ok: true } });
    const lookup = await dispatch('meetings:lookup', APP_SENDER, { meeting: '806146667' });
    expect(lookup).toMatchObject({ ok: true, value: { meetingId: MEETING.meetingId } });
    expect(JSON.stringify(log.entries)).not.toContain(DEMO_CREDENTIALS.secretKey);
  });
});

describe('services', () => {
  let h: IpcHarness;
  afterEach(async () => {
    await h.close();
  });

  it('the default tracker dials through the saved credentials and broadcasts every update', async () => {
    // The app's own tracker (settings.pollIntervalMs, 1 s minimum); the room answers at once, so one poll ends it.
    h = await startIpcHarness({ createTracker: undefined });
    await h.ok('settings:update', { pollIntervalMs: 1000 });
    const room = await h.ok('rooms:add', { name: 'Room 101', kind: 'sip', address: 'room101@sip.example.com' });
    const [call] = (await h.ok('calls:dial', { meeting: MEETING, roomIds: [room.id] })).calls;
    const joined = await h.nextUpdate((c: CallView) => c.callId === call?.callId && c.state === 'joined');
    expect(joined.roomName).toBe('Room 101');
    expect(h.store.getRoom(room.id)?.lastOutcome).toBe('joined');
  });

  it('builds the client from what is saved at each use', async () => {
    h = await startIpcHarness();
    const first = await h.services.clientFor();
    await h.ok('settings:update', { instanceId: 5 });
    const second = await h.services.clientFor();
    expect(first.instanceId).toBe(1);
    expect(second.instanceId).toBe(5);
    await h.ok('credentials:delete', {});
    await expect(h.services.clientFor()).rejects.toMatchObject({ error: { kind: 'not_configured' } });
  });

  it('shutdown stops the broadcasts and records calls in flight as unknown', async () => {
    h = await startIpcHarness({ simulator: { answerDelayMs: 600_000 } });
    const room = await h.ok('rooms:add', { name: 'Room 101', kind: 'sip', address: 'room101@sip.example.com' });
    const [call] = (await h.ok('calls:dial', { meeting: MEETING, roomIds: [room.id] })).calls;
    await h.nextUpdate((c) => c.callId === call?.callId && c.state === 'ringing');
    const seen = h.broadcasts.length;
    h.services.shutdown();
    expect(h.broadcasts).toHaveLength(seen);
    expect(h.services.dialer.list()[0]?.state).toBe('unknown');
    expect((await h.ok('history:list', {})).records[0]).toMatchObject({ outcome: 'unknown', errorCode: 'app_closed' });
  });
});
