// Link test, end to end: a dial a room-dialer:// link staged (pushed on dial:staged through the bridge, as the shell
// sends it) shows in the built window with the meeting looked up and the room from the address book, and rings
// nothing until the operator confirms: Esc drops it, Enter rings the room once, through the real handlers and the
// dialer, recorded with origin "link". The keychain is not the point here: an in-memory store holds the
// credentials, so this file runs without the D-Bus session too.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDialLink } from '../../common/dial-link';
import { DEMO_CREDENTIALS } from '../../simulator/server';
import { MemorySecretStore } from '../helpers/memory-secret-store';
import { ARTIFACTS_DIR, startSession, type Session } from './harness/session';

const UI_WAIT = { timeout: 30_000 } as const;
const ROOM_CALL_PATH = '/v1/meeting-rooms/room-call';
const MEETING = { code: '806146667', subject: 'Weekly sync with the Shenzhen office' };
const ROOM = { name: 'Board room', address: 'room101@sip.example.com' };

let session: Session;
const states: string[] = [];

function roomCalls(): number {
  return session.sim.requests.filter((request) => request.method === 'PUT' && request.path === ROOM_CALL_PATH).length;
}

/** The window's own request, as the main frame of the served renderer makes it. */
async function asWindow(channel: string, request: unknown): Promise<unknown> {
  const answer = (await session.backend.invoke(
    { url: `${session.server.url}/`, isMainFrame: true },
    channel,
    request,
  )) as {
    ok: boolean;
    value?: unknown;
  };
  if (!answer.ok) throw new Error(`${channel} failed: ${JSON.stringify(answer)}`);
  return answer.value;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  session = await startSession({
    secretStore: new MemorySecretStore(),
    profile: 'e2e-link',
    presetEndpoint: true,
    simulator: { answerDelayMs: 1500 },
    browserLocale: 'en-US',
  });
  await asWindow('credentials:save', {
    appId: DEMO_CREDENTIALS.appId,
    sdkId: DEMO_CREDENTIALS.sdkId ?? '',
    secretId: DEMO_CREDENTIALS.secretId,
    secretKey: DEMO_CREDENTIALS.secretKey,
    operatorId: DEMO_CREDENTIALS.operatorId,
  });
  await asWindow('rooms:add', { name: ROOM.name, kind: 'sip', address: ROOM.address });
  session.backend.onCallUpdate((call) => states.push(call.state));
  // The window opened before the credentials and the room were there: load it again, as a restarted app would.
  await session.page.reload();
  await session.page.getByTestId('tab-dial').waitFor(UI_WAIT);
});

afterAll(async () => {
  await session?.close();
});

describe('link test', () => {
  it('the link stages and needs confirmation', async () => {
    const { page, bridge } = session;
    const dialog = page.getByTestId('staged-dial-dialog');
    const stage = () =>
      bridge.pushStagedDial({ kind: 'staged', dial: { meeting: MEETING.code, rooms: [ROOM.name, 'Atrium'] } });

    // Staged: the meeting looked up, the room found, the unknown one listed; nothing rings.
    await stage();
    await expect.poll(() => page.getByTestId('staged-dial-meeting').textContent(), UI_WAIT).toContain(MEETING.subject);
    expect(await page.getByTestId('staged-dial-room').allTextContents()).toEqual([ROOM.name]);
    expect(await page.getByTestId('staged-dial-missing').textContent()).toContain('Atrium');
    expect(roomCalls()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'link-staged.png') });

    // Esc drops it: nothing rings.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', ...UI_WAIT });
    expect(roomCalls()).toBe(0);

    // Staged again, Enter confirms: the room is rung once, through the dialer, from the link.
    await stage();
    await expect.poll(() => page.getByTestId('staged-dial-meeting').textContent(), UI_WAIT).toContain(MEETING.subject);
    await expect.poll(() => page.getByTestId('staged-dial-confirm').isEnabled(), UI_WAIT).toBe(true);
    expect(roomCalls()).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(roomCalls, UI_WAIT).toBe(1);
    await expect.poll(() => states.includes('joined'), UI_WAIT).toBe(true);
    const calls = (await asWindow('calls:list', {})) as { roomName: string; origin?: unknown }[];
    expect(calls).toEqual([expect.objectContaining({ roomName: ROOM.name, origin: { kind: 'link' } })]);
    // The board shows the meeting dialed into, with the room's live state.
    await expect.poll(() => page.locator(`[data-testid="roster-tile"]`).count(), UI_WAIT).toBe(1);
    expect(roomCalls()).toBe(1);
  });

  it('a refused link says why and dials nothing', async () => {
    const { page, bridge } = session;
    const before = roomCalls();
    const refused = parseDialLink(`room-dialer://dial?meeting=${MEETING.code}&room=Board%20room&autodial=1`);
    if (refused.ok) throw new Error('expected the link to be refused');
    await bridge.pushStagedDial({ kind: 'refused', error: refused.error });
    // The window speaks the operator's language (the backend's system language, zh-CN), the field by its label.
    await expect
      .poll(() => page.getByTestId('staged-dial-refused').textContent(), UI_WAIT)
      .toContain('链接：未知参数 "autodial"；链接只接受 meeting、room 和 set');
    await page.keyboard.press('Enter');
    await page.getByTestId('staged-dial-dialog').waitFor({ state: 'hidden', ...UI_WAIT });
    expect(roomCalls()).toBe(before);
  });
});
