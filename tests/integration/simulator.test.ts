// The Tencent Meeting API simulator, exercised over real HTTP with raw fetch and a test-local signer.
// A fake clock drives every state change; nothing here asserts timings.
import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startSimulator, type Simulator, type SimulatorOptions } from '../../simulator/server';
import { computeSignature } from '../../simulator/signature';

// ------------------------------------------------------------------ test-local signer (reference §1.2)

function sign(
  secretKey: string,
  parts: { method: string; secretId: string; nonce: string; timestamp: string; uri: string; body: string },
) {
  const text = `${parts.method}\nX-TC-Key=${parts.secretId}&X-TC-Nonce=${parts.nonce}&X-TC-Timestamp=${parts.timestamp}\n${parts.uri}\n${parts.body}`;
  const hex = createHmac('sha256', secretKey).update(text, 'utf8').digest('hex');
  return Buffer.from(hex).toString('base64');
}

const VECTOR_A_BODY =
  '{"operator_id":"admin1","operator_id_type":1,"meeting_room_id":"2489756789","meeting_id":"13434567890123927028"}';
const VECTOR_A_SIG = 'NTIwNmVmNmU2ZmU3NTIzNjJmNzY5YzFiOWE0NzhhMDcwMTM3YmVhNGViMWU5NTdlMzk5N2E0NzY3MGI5YjY2OQ==';
const VECTOR_C_URI = '/v1/meetings?meeting_code=123456789&userid=admin1&instanceid=1';
const VECTOR_C_SIG = 'Zjk2OTMwOTQzMGNlMTBmOTg0ZGJjOWI0ZTk5NWY3N2RhZTYxYTNjNTI1MjBmZWI1MDAxYzI2ZDZhZGUxZmQ4NA==';
const VECTOR_COMMON = { secretId: 'AKIDexample', nonce: '12345', timestamp: '1700000000' };

// ------------------------------------------------------------------ fixtures

const T0 = Date.UTC(2024, 5, 3, 2, 0, 0); // 2024-06-03 10:00:00 in Beijing
const HOST_MEETING = '13434567890123927028'; // code 123456789, admin1 hosts
const BIG_MEETING = '19876543210987654321'; // above 2^64, code 555000111
const PARTICIPANT_MEETING = '11223344556677889900'; // admin1 only a participant
const ENDED_MEETING = '8877665544332211009';
const ROOM_ANSWER = '2489756789';

let now = T0;
let nonceSeq = 1000;
let sim: Simulator;

async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ clock: () => now, ...options });
}

beforeEach(async () => {
  now = T0;
  sim = await start();
});
afterEach(async () => {
  await sim.close();
});

interface Req {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  body?: string | object;
  to?: Simulator;
  timestampS?: number;
  nonce?: string;
  secretKey?: string;
  /** Sign this body instead of the one sent. */
  signedBody?: string;
  /** Sign this URI instead of the one sent. */
  signedUri?: string;
  /** Replace (string) or remove (null) headers after signing. */
  headers?: Record<string, string | null>;
}

interface Res {
  status: number;
  text: string;
  headers: Headers | Record<string, string | string[] | undefined>;
  date: string | undefined;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

function buildHeaders(req: Req, target: Simulator, body: string): Record<string, string> {
  const c = target.credentials;
  const timestamp = String(req.timestampS ?? Math.floor(now / 1000));
  const nonce = req.nonce ?? String((nonceSeq += 1));
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-TC-Key': c.secretId,
    'X-TC-Timestamp': timestamp,
    'X-TC-Nonce': nonce,
    'X-TC-Signature': sign(req.secretKey ?? c.secretKey, {
      method: req.method,
      secretId: c.secretId,
      nonce,
      timestamp,
      uri: req.signedUri ?? req.path,
      body: req.signedBody ?? body,
    }),
    AppId: c.appId,
    SdkId: c.sdkId,
    'X-TC-Registered': '1',
  };
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  return headers;
}

const bodyText = (body: Req['body']) =>
  body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);

/** Signed request with fetch (what the app does). */
async function send(req: Req): Promise<Res> {
  const target = req.to ?? sim;
  const body = bodyText(req.body);
  const response = await fetch(target.url + req.path, {
    method: req.method,
    headers: buildHeaders(req, target, body),
    ...(req.method === 'GET' ? {} : { body }),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    headers: response.headers,
    date: response.headers.get('date') ?? undefined,
    json: () => JSON.parse(text),
  };
}

/** Signed request with node:http: exact headers (nothing added) and bodies on GET. */
function sendRaw(req: Req): Promise<Res> {
  const target = req.to ?? sim;
  const body = bodyText(req.body);
  const url = new URL(target.url + req.path);
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        // An explicit length: Node frames a GET body only when told its size.
        headers: { ...buildHeaders(req, target, body), ...(body ? { 'Content-Length': Buffer.byteLength(body) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            text,
            headers: res.headers,
            date: res.headers.date,
            json: () => JSON.parse(text),
          });
        });
      },
    );
    r.on('error', reject);
    r.end(body === '' ? undefined : body);
  });
}

function expectError(res: Res, code: number, httpStatus: number, messagePart?: string) {
  expect({ status: res.status, code: res.json()?.error_info?.error_code }).toEqual({ status: httpStatus, code });
  const info = res.json().error_info;
  expect(info).toEqual({ error_code: code, new_error_code: code, message: expect.any(String) });
  expect(Object.keys(res.json())).toEqual(['error_info']);
  if (messagePart) expect(info.message).toContain(messagePart);
  expect(res.date).toBeTruthy();
}

const OP = { operator_id: 'admin1', operator_id_type: 1 };
const roomCallBody = (target: object, meetingId = HOST_MEETING) => ({ ...OP, ...target, meeting_id: meetingId });
const roomCall = (target: object, meetingId = HOST_MEETING, to?: Simulator) =>
  send({
    method: 'PUT',
    path: '/v1/meeting-rooms/room-call',
    body: roomCallBody(target, meetingId),
    ...(to ? { to } : {}),
  });
const info = (target: object, meetingId = HOST_MEETING) =>
  send({
    method: 'POST',
    path: '/v1/meeting-rooms/room-call-info',
    body: { ...OP, instance_id: 1, ...target, meeting_id: meetingId },
  });
const cancel = (target: object, inviteId: string, meetingId = HOST_MEETING) =>
  send({
    method: 'PUT',
    path: '/v1/meeting-rooms/cancel-room-call',
    body: { ...OP, meeting_id: meetingId, invite_id: inviteId, instance_id: 1, ...target },
  });
const statusOf = async (target: object, meetingId = HOST_MEETING) => {
  const res = await info(target, meetingId);
  expect(res.status).toBe(200);
  return res.json().status as number;
};
const room = (id: string) => ({ meeting_room_id: id });
const sip = (dial: string) => ({ mra_address: { protocol: 1, dial_string: dial } });
const roomWith = (outcome: string, extra: (r: Simulator['rooms'][number]) => boolean = () => true) => {
  const found = sim.rooms.find((r) => r.outcome === outcome && extra(r));
  if (!found) throw new Error(`no seeded room with outcome ${outcome}`);
  return found.meetingRoomId;
};

// ------------------------------------------------------------------ tests

describe('signature', () => {
  it('the test-local signer and the simulator signer both match reference vectors A and C', () => {
    const a = { ...VECTOR_COMMON, method: 'PUT', uri: '/v1/meeting-rooms/room-call', body: VECTOR_A_BODY };
    const c = { ...VECTOR_COMMON, method: 'GET', uri: VECTOR_C_URI, body: '' };
    expect(sign('SKexample', a)).toBe(VECTOR_A_SIG);
    expect(sign('SKexample', c)).toBe(VECTOR_C_SIG);
    expect(computeSignature('SKexample', a)).toBe(VECTOR_A_SIG);
    expect(computeSignature('SKexample', { ...c, body: Buffer.alloc(0) })).toBe(VECTOR_C_SIG);
  });

  it('accepts vector A and C requests signed with the demo credentials', async () => {
    expect(sim.credentials).toEqual(DEMO_CREDENTIALS);
    const a = await send({ method: 'PUT', path: '/v1/meeting-rooms/room-call', body: VECTOR_A_BODY });
    expect(a.status).toBe(200);
    expect(a.json().invite_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const c = await send({ method: 'GET', path: VECTOR_C_URI });
    expect(c.status).toBe(200);
    expect(c.json().meeting_info_list[0].meeting_id).toBe(HOST_MEETING);
  });

  it('signs the raw query exactly as sent: another order or encoding fails', async () => {
    const reordered = await send({
      method: 'GET',
      path: VECTOR_C_URI,
      signedUri: '/v1/meetings?userid=admin1&meeting_code=123456789&instanceid=1',
    });
    expectError(reordered, 200003, 400);
    const encoded = '/v1/meeting-rooms?operator_id=admin1&operator_id_type=1&meeting_room_name=%E6%BC%94%E7%A4%BA';
    const ok = await send({ method: 'GET', path: encoded });
    expect(ok.status).toBe(200);
    expect(ok.json().total_count).toBe(7);
    const decodedSigned = await send({ method: 'GET', path: encoded, signedUri: decodeURIComponent(encoded) });
    expectError(decodedSigned, 200003, 400);
  });
});

describe('call flows (fake clock)', () => {
  it('room-call by Rooms ID: 1 → 4 → 2 after answerDelayMs, with Beijing response_time', async () => {
    expect(await statusOf(room(ROOM_ANSWER))).toBe(1);
    const res = await roomCall(room(ROOM_ANSWER));
    expect(res.status).toBe(200);
    expect(Object.keys(res.json())).toEqual(['invite_id', 'status']);
    expect(res.json().status).toBe(2);
    expect(await statusOf(room(ROOM_ANSWER))).toBe(4);
    now += 2999;
    expect(await statusOf(room(ROOM_ANSWER))).toBe(4);
    now += 1;
    const answered = await info(room(ROOM_ANSWER));
    expect(answered.json()).toEqual({ status: 2, response_time: '2024/06/03 10:00:03' });
    now += 3_600_000;
    expect(await statusOf(room(ROOM_ANSWER))).toBe(2);
    expect(sim.invites()).toEqual([
      expect.objectContaining({
        meetingId: HOST_MEETING,
        target: { kind: 'rooms', meetingRoomId: ROOM_ANSWER },
        inviteId: res.json().invite_id,
        replaced: false,
      }),
    ]);
  });

  it('reject: a SIP address containing "reject" and the scripted reject room give 3', async () => {
    expect((await roomCall(sip('sip:reject@sip.example.com'))).status).toBe(200);
    expect((await roomCall(room(roomWith('reject')))).status).toBe(200);
    expect(await statusOf(sip('sip:reject@sip.example.com'))).toBe(4);
    now += 3000;
    expect(await statusOf(sip('sip:reject@sip.example.com'))).toBe(3);
    expect(await statusOf(room(roomWith('reject')))).toBe(3);
  });

  it('noanswer: stays 4 until ringWindowMs, then 0', async () => {
    const target = { mra_address: { protocol: 2, dial_string: 'noanswer.h323.example.com' } };
    expect((await roomCall(target)).status).toBe(200);
    now += 59_999;
    expect(await statusOf(target)).toBe(4);
    now += 1;
    expect(await statusOf(target)).toBe(0);
    expect(await statusOf(room(roomWith('noanswer')))).toBe(1);
  });

  it('leave: 2, then 6 after leaveAfterMs in the meeting', async () => {
    expect((await roomCall(room(roomWith('leave')))).status).toBe(200);
    now += 3000;
    expect(await statusOf(room(roomWith('leave')))).toBe(2);
    now += 10_000;
    expect(await statusOf(room(roomWith('leave')))).toBe(6);
  });

  it('offline / not callable: room-call fails with 10004 (HTTP 500) and creates no invite', async () => {
    expectError(await roomCall(sip('sip:offline@sip.example.com')), 10004, 500);
    expectError(await roomCall(room(roomWith('unreachable', (r) => r.status === 4))), 10004, 500, '离线');
    expectError(await roomCall(room(roomWith('unreachable', (r) => !r.isAllowCall))), 10004, 500, 'is_allow_call');
    expectError(await roomCall(room(roomWith('unreachable', (r) => r.status === 5))), 10004, 500);
    expectError(await roomCall(room('1234567')), 10004, 500);
    expect(sim.invites()).toEqual([]);
    expect(await statusOf(sip('sip:offline@sip.example.com'))).toBe(1);
  });

  it('cancel while ringing → 5; cancel after the answer → {} and no change; unknown invite → 190004', async () => {
    const first = (await roomCall(sip('sip:room101@sip.example.com'))).json().invite_id as string;
    const res = await cancel(sip('sip:room101@sip.example.com'), first);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({});
    now += 100_000;
    expect(await statusOf(sip('sip:room101@sip.example.com'))).toBe(5);

    const second = (await roomCall(room(ROOM_ANSWER))).json().invite_id as string;
    now += 3000;
    const late = await cancel(room(ROOM_ANSWER), second);
    expect(late.status).toBe(200);
    expect(late.json()).toEqual({});
    expect(await statusOf(room(ROOM_ANSWER))).toBe(2);

    expectError(await cancel(room(ROOM_ANSWER), '00000000-0000-4000-8000-000000000000'), 190004, 400, 'invite_id');
    // The right invite but the wrong target is not a match either.
    expectError(await cancel(sip('sip:other@sip.example.com'), second), 190004, 400);
  });

  it('a new room-call for the same meeting and target replaces the previous invite (redial)', async () => {
    const first = (await roomCall(room(ROOM_ANSWER))).json().invite_id as string;
    now += 5000;
    expect(await statusOf(room(ROOM_ANSWER))).toBe(2);
    const second = (await roomCall(room(ROOM_ANSWER))).json().invite_id as string;
    expect(second).not.toBe(first);
    expect(await statusOf(room(ROOM_ANSWER))).toBe(4);
    expectError(await cancel(room(ROOM_ANSWER), first), 190004, 400);
    expect(sim.invites().map((i) => [i.inviteId, i.replaced])).toEqual([
      [first, true],
      [second, false],
    ]);
    // Other meetings keep their own state.
    expect(await statusOf(room(ROOM_ANSWER), BIG_MEETING)).toBe(1);
  });

  it('meeting rules: ended/unknown → 9003; SIP where admin1 is only a participant → 9042, Rooms allowed', async () => {
    expectError(await roomCall(room(ROOM_ANSWER), ENDED_MEETING), 9003, 500);
    expectError(await roomCall(room(ROOM_ANSWER), '12345678901234567890'), 9003, 500, 'MEETING NOT EXIST');
    expectError(await roomCall(sip('sip:room101@sip.example.com'), PARTICIPANT_MEETING), 9042, 500, 'co-host');
    expect((await roomCall(room(ROOM_ANSWER), PARTICIPANT_MEETING)).status).toBe(200);
    // Co-host may call by address.
    expect((await roomCall(sip('sip:room101@sip.example.com'), '12269259670683052373')).status).toBe(200);
    expect((await roomCall(sip('sip:room101@sip.example.com'), BIG_MEETING)).status).toBe(200);
  });
});

describe('authentication rules', () => {
  const valid = (): Req => ({
    method: 'PUT',
    path: '/v1/meeting-rooms/room-call',
    body: roomCallBody(room(ROOM_ANSWER)),
  });

  it('the baseline request is accepted', async () => {
    expect((await sendRaw(valid())).status).toBe(200);
  });

  it.each([
    ['X-TC-Key', 200003, 400],
    ['X-TC-Timestamp', 200003, 400],
    ['X-TC-Nonce', 200003, 400],
    ['X-TC-Signature', 200003, 400],
    ['AppId', 50000, 400],
    ['SdkId', 200003, 400],
    ['X-TC-Registered', 190004, 400],
    ['Content-Type', 190004, 400],
  ])('missing %s → %i', async (header, code, httpStatus) => {
    const res = await sendRaw({ ...valid(), headers: { [header]: null } });
    expectError(res, code, httpStatus, header);
    expect(sim.invites()).toEqual([]);
  });

  it.each([
    ['X-TC-Registered', '0', 190004],
    ['Content-Type', 'text/plain', 190004],
    ['Content-Type', 'application/json; charset=gbk', 190004],
    ['AppId', '200000002', 50000],
    ['SdkId', '20000000002', 200003],
    ['X-TC-Key', 'AKIDsomeoneElse', 200003],
    ['X-TC-Nonce', 'abc', 200003],
    ['X-TC-Nonce', '0', 200003],
    ['X-TC-Timestamp', '1717380000000', 200003],
    ['X-TC-Signature', 'bm90IGEgc2lnbmF0dXJl', 200003],
  ])('%s: %s → %i', async (header, value, code) => {
    expectError(await sendRaw({ ...valid(), headers: { [header]: value } }), code, code === 50000 ? 400 : 400);
    expect(sim.invites()).toEqual([]);
  });

  it('accepts Content-Type with charset=utf-8 (as the SDKs send it)', async () => {
    const res = await sendRaw({ ...valid(), headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    expect(res.status).toBe(200);
  });

  it('wrong signature: wrong key, or a body that differs from the signed one → 200003', async () => {
    expectError(await send({ ...valid(), secretKey: 'not-the-key' }), 200003, 400, 'Signature failed');
    expectError(await send({ ...valid(), signedBody: JSON.stringify(roomCallBody(room('2489700131'))) }), 200003, 400);
    expect(sim.invites()).toEqual([]);
  });

  it('timestamp window is ±5 minutes of the server clock', async () => {
    const nowS = Math.floor(now / 1000);
    expectError(await send({ ...valid(), timestampS: nowS - 301 }), 200003, 400, 'expired');
    expectError(await send({ ...valid(), timestampS: nowS + 301 }), 200003, 400, 'expired');
    expect((await send({ ...valid(), timestampS: nowS - 300 })).status).toBe(200);
    expect((await send({ ...valid(), timestampS: nowS + 300 })).status).toBe(200);
  });

  it('a replayed timestamp+nonce pair → 190301, even with a valid signature; a fresh nonce works', async () => {
    const get: Req = { method: 'GET', path: VECTOR_C_URI, nonce: '424242' };
    expect((await send(get)).status).toBe(200);
    expectError(await send(get), 190301, 400);
    now += 4 * 60_000;
    expectError(await send({ ...get, timestampS: Math.floor(T0 / 1000) }), 190301, 400);
    expect((await send({ ...get, nonce: '424243' })).status).toBe(200);
  });

  it('a GET carrying a body is rejected', async () => {
    expectError(await sendRaw({ method: 'GET', path: VECTOR_C_URI, body: '{}' }), 190004, 400, 'GET');
    expectError(await sendRaw({ method: 'GET', path: VECTOR_C_URI, body: 'null' }), 190004, 400);
  });

  it('unknown path → 404, wrong method → 405 with Allow, both in the error shape', async () => {
    expectError(await send({ method: 'GET', path: '/v1/nothing-here' }), 404, 404);
    expectError(await send({ method: 'PUT', path: '/v1/meeting-rooms/room-call/' }), 404, 404);
    const wrong = await send({
      method: 'POST',
      path: '/v1/meeting-rooms/room-call',
      body: roomCallBody(room(ROOM_ANSWER)),
    });
    expectError(wrong, 405, 405);
    expect((wrong.headers as Headers).get('allow')).toBe('PUT');
    expect(sim.invites()).toEqual([]);
  });
});

describe('body and query rules', () => {
  const put = (body: object | string) => send({ method: 'PUT', path: '/v1/meeting-rooms/room-call', body });
  const raw = (text: string) => put(text);

  it('meeting_id as a JSON number → 20000 (HTTP 500)', async () => {
    const text = `{"operator_id":"admin1","operator_id_type":1,"meeting_room_id":"${ROOM_ANSWER}","meeting_id":${HOST_MEETING}}`;
    expectError(await raw(text), 20000, 500, 'meeting_id');
    expectError(await put({ ...OP, ...room(ROOM_ANSWER), meeting_id: 7567173273889276 }), 20000, 500);
    expectError(await put(roomCallBody(room(ROOM_ANSWER), 'abc')), 190004, 400, 'meeting_id');
  });

  it('operator_id_type must be the integer 1; operator_id must be the configured operator', async () => {
    expectError(await put({ ...roomCallBody(room(ROOM_ANSWER)), operator_id_type: '1' }), 20000, 500, '请检查参数类型');
    expectError(await put({ ...roomCallBody(room(ROOM_ANSWER)), operator_id_type: 2 }), 190004, 400);
    expectError(await put({ ...roomCallBody(room(ROOM_ANSWER)), operator_id: 'nobody' }), 20001, 500);
    expectError(await put({ ...roomCallBody(room(ROOM_ANSWER)), operator_id: 1 }), 20000, 500);
    const { operator_id: _omit, ...noOperator } = roomCallBody(room(ROOM_ANSWER));
    expectError(await put(noOperator), 190004, 400, 'operator_id');
  });

  it('exactly one of meeting_room_id and mra_address', async () => {
    expectError(await put(roomCallBody({ ...room(ROOM_ANSWER), ...sip('sip:a@b') })), 190004, 400, '二选一');
    expectError(await put(roomCallBody({})), 190004, 400, '二选一');
    expectError(await put(roomCallBody({ meeting_room_id: null, ...sip('sip:a@b') })), 20000, 500);
    expectError(await put(roomCallBody({ meeting_room_id: 2489756789 })), 20000, 500);
  });

  it('mra_address is {protocol: 1|2, dial_string: non-empty string}', async () => {
    const mra = (value: unknown) => put(roomCallBody({ mra_address: value }));
    expectError(await mra({ protocol: 3, dial_string: 'sip:a@b' }), 190004, 400, 'protocol');
    expectError(await mra({ protocol: '1', dial_string: 'sip:a@b' }), 20000, 500, 'protocol');
    expectError(await mra({ protocol: 1, dial_string: '' }), 190004, 400, 'dial_string');
    expectError(await mra({ protocol: 1, dial_string: 'sip:a b@c' }), 190004, 400, 'dial_string');
    expectError(await mra({ protocol: 1 }), 190004, 400, 'dial_string');
    expectError(await mra({ protocol: 1, dial_string: 'sip:a@b', port: 5060 }), 190004, 400, 'mra_address.port');
    expectError(await mra('sip:a@b'), 20000, 500, 'mra_address');
    expect(sim.invites()).toEqual([]);
  });

  it('unknown fields are rejected, naming the field; instance_id is not accepted by room-call', async () => {
    expectError(await put({ ...roomCallBody(room(ROOM_ANSWER)), foo: 1 }), 190004, 400, '"foo"');
    expectError(await put({ ...roomCallBody(room(ROOM_ANSWER)), instance_id: 1 }), 190004, 400, 'instance_id');
  });

  it('body must be a JSON object', async () => {
    expectError(await raw('{"operator_id":'), 190004, 400, 'JSON');
    expectError(await raw('[]'), 190004, 400);
    expectError(await raw(''), 190004, 400);
  });

  it('cancel needs invite_id and instance_id; room-call-info needs instance_id', async () => {
    const base = { ...OP, ...room(ROOM_ANSWER), meeting_id: HOST_MEETING };
    const cancelPut = (body: object) => send({ method: 'PUT', path: '/v1/meeting-rooms/cancel-room-call', body });
    expectError(await cancelPut({ ...base, instance_id: 1 }), 190004, 400, 'invite_id');
    expectError(await cancelPut({ ...base, invite_id: 'x' }), 190004, 400, 'instance_id');
    expectError(await cancelPut({ ...base, invite_id: 'x', instance_id: '1' }), 20000, 500, 'instance_id');
    const infoPost = (body: object) => send({ method: 'POST', path: '/v1/meeting-rooms/room-call-info', body });
    expectError(await infoPost(base), 190004, 400, 'instance_id');
    expectError(await infoPost({ ...base, instance_id: 1, invite_id: 'x' }), 190004, 400, 'invite_id');
    expectError(await infoPost({ ...base, instance_id: 99 }), 190004, 400, 'instance_id');
  });

  it('meeting lookups by code and by id keep meeting_id a string', async () => {
    const byCode = await send({
      method: 'GET',
      path: '/v1/meetings?meeting_code=555000111&userid=admin1&instanceid=1',
    });
    expect(byCode.status).toBe(200);
    expect(byCode.text).toContain(`"meeting_id":"${BIG_MEETING}"`);
    const m = byCode.json();
    expect(m.meeting_number).toBe(1);
    expect(m.meeting_info_list[0]).toMatchObject({
      meeting_id: BIG_MEETING,
      meeting_code: '555000111',
      status: 'MEETING_STATE_INIT',
      hosts: [{ userid: 'admin1' }],
    });
    expect(m.meeting_info_list[0].start_time).toMatch(/^\d{10}$/);
    const byId = await send({ method: 'GET', path: `/v1/meetings/${PARTICIPANT_MEETING}?userid=admin1&instanceid=1` });
    expect(byId.json().meeting_info_list[0]).toMatchObject({
      meeting_code: '246813579',
      hosts: [{ userid: 'liuyang' }],
      current_co_hosts: [],
    });
    const byOperator = `/v1/meetings/${ENDED_MEETING}?operator_id=admin1&operator_id_type=1&instanceid=2`;
    expect((await send({ method: 'GET', path: byOperator })).json().meeting_info_list[0].status).toBe(
      'MEETING_STATE_ENDED',
    );
  });

  it("without meeting_code, /v1/meetings lists the operator's ongoing and upcoming meetings, 20 a page", async () => {
    const list = await send({ method: 'GET', path: '/v1/meetings?userid=admin1&instanceid=1' });
    expect(list.status).toBe(200);
    const ids = list.json().meeting_info_list.map((m: { meeting_id: string }) => m.meeting_id);
    expect(ids).toContain(PARTICIPANT_MEETING);
    expect(ids).not.toContain(ENDED_MEETING);
    expect(list.json()).toMatchObject({ meeting_number: 20, remaining: 4 });
    expect(ids).toHaveLength(20);
  });

  it('meeting lookup errors', async () => {
    const get = (path: string) => send({ method: 'GET', path });
    expectError(
      await get('/v1/meetings?meeting_code=111111111&userid=admin1&instanceid=1'),
      9003,
      500,
      'MEETING NOT EXIST',
    );
    expectError(await get('/v1/meetings/12345678901234567890?userid=admin1&instanceid=1'), 9003, 500);
    expectError(
      await get('/v1/meetings?meeting_code=12345678&userid=admin1&instanceid=1'),
      190004,
      400,
      'meeting_code',
    );
    expectError(await get('/v1/meetings?meeting_code=123456789&userid=admin1'), 190004, 400, 'instanceid');
    expectError(await get('/v1/meetings?meeting_code=123456789&userid=admin1&instanceid=x'), 190004, 400);
    expectError(await get('/v1/meetings?meeting_code=123456789&instanceid=1'), 190004, 400, 'userid');
    expectError(await get('/v1/meetings?meeting_code=123456789&userid=bob&instanceid=1'), 20001, 500);
    expectError(await get('/v1/meetings?meeting_code=123456789&userid=admin1&instanceid=1&x=1'), 190004, 400, '"x"');
    expectError(
      await get('/v1/meetings?meeting_code=123456789&meeting_code=123456789&userid=admin1&instanceid=1'),
      190004,
      400,
    );
    expectError(await get('/v1/meetings/abc?userid=admin1&instanceid=1'), 190004, 400);
  });

  it('meeting-rooms paging returns every room exactly once', async () => {
    const seen: string[] = [];
    for (let page = 1; ; page += 1) {
      const res = await send({
        method: 'GET',
        path: `/v1/meeting-rooms?operator_id=admin1&operator_id_type=1&page=${page}&page_size=50`,
      });
      expect(res.status).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ current_page: page, total_count: 320, total_page: 7 });
      expect(body.current_size).toBe(body.meeting_room_list.length);
      for (const r of body.meeting_room_list) {
        expect(Object.keys(r).sort()).toEqual(
          [
            'account_new_type',
            'account_type',
            'active_code',
            'is_allow_call',
            'meeting_room_id',
            'meeting_room_location',
            'meeting_room_name',
            'meeting_room_status',
            'participant_number',
            'scheduled_status',
          ].sort(),
        );
        expect(r.meeting_room_id).toMatch(/^\d+$/);
        seen.push(r.meeting_room_id);
      }
      if (page >= body.total_page) break;
    }
    expect(seen).toHaveLength(320);
    expect(new Set(seen).size).toBe(320);
    expect(new Set(seen)).toEqual(new Set(sim.rooms.map((r) => r.meetingRoomId)));
    const def = await send({ method: 'GET', path: '/v1/meeting-rooms?operator_id=admin1&operator_id_type=1' });
    expect(def.json()).toMatchObject({ current_page: 1, current_size: 20, total_page: 16 });
    const past = await send({ method: 'GET', path: '/v1/meeting-rooms?operator_id=admin1&operator_id_type=1&page=99' });
    expect(past.json()).toMatchObject({ current_size: 0, meeting_room_list: [] });
    const some = sim.rooms.filter((r) => !r.isAllowCall || r.status === 4);
    expect(some.length).toBeGreaterThan(5);
  });

  it('meeting-rooms query rules', async () => {
    const list = (query: string) => send({ method: 'GET', path: `/v1/meeting-rooms?${query}` });
    expectError(await list('operator_id=admin1&operator_id_type=1&page_size=51'), 190004, 400, 'page_size');
    expectError(await list('operator_id=admin1&operator_id_type=1&page_size=0'), 190004, 400, 'page_size');
    expectError(await list('operator_id=admin1&operator_id_type=1&page=0'), 190004, 400, 'page');
    expectError(await list('operator_id_type=1'), 190004, 400, 'operator_id');
    expectError(await list('operator_id=admin1'), 190004, 400, 'operator_id_type');
    expectError(await list('operator_id=admin1&operator_id_type=2'), 190004, 400);
    expectError(await list('operator_id=eve&operator_id_type=1'), 20001, 500);
    const filtered = await list(`operator_id=admin1&operator_id_type=1&meeting_room_name=demo`);
    expect(
      filtered.json().meeting_room_list.map((r: { meeting_room_name: string }) => r.meeting_room_name),
    ).toHaveLength(7);
  });
});

describe('server clock', () => {
  it('Date header honours clockOffsetMs, and the timestamp window follows the server clock', async () => {
    const offset = 10 * 60_000;
    const skewed = await start({ faults: { clockOffsetMs: offset } });
    try {
      const local = await send({ to: skewed, method: 'GET', path: VECTOR_C_URI });
      expectError(local, 200003, 400, 'expired');
      expect(local.date).toBe(new Date(now + offset).toUTCString());
      const server = await send({
        to: skewed,
        method: 'GET',
        path: VECTOR_C_URI,
        timestampS: Math.floor((now + offset) / 1000),
      });
      expect(server.status).toBe(200);
      expect(server.date).toBe(new Date(now + offset).toUTCString());
      skewed.setFaults({});
      expect((await send({ to: skewed, method: 'GET', path: VECTOR_C_URI })).date).toBe(new Date(now).toUTCString());
    } finally {
      await skewed.close();
    }
  });
});

describe('faults', () => {
  const ROOM_CALL_PATH = '/v1/meeting-rooms/room-call';

  it('server_error: 500 with error_info 10002, request not processed', async () => {
    sim.injectFault({ kind: 'server_error', path: ROOM_CALL_PATH });
    expectError(await roomCall(room(ROOM_ANSWER)), 10002, 500);
    expect(sim.invites()).toEqual([]);
    expect(sim.requests.at(-1)).toMatchObject({ fault: 'server_error', status: 500, errorCode: 10002 });
    expect((await roomCall(room(ROOM_ANSWER))).status).toBe(200);
  });

  it('gateway_error: 502 with an HTML body; the request was processed', async () => {
    sim.injectFault({ kind: 'gateway_error' });
    const res = await roomCall(room(ROOM_ANSWER));
    expect(res.status).toBe(502);
    expect((res.headers as Headers).get('content-type')).toMatch(/^text\/html/);
    expect(() => res.json()).toThrow();
    expect(res.date).toBeTruthy();
    expect(sim.invites()).toHaveLength(1);
    expect(await statusOf(room(ROOM_ANSWER))).toBe(4);
  });

  it('malformed: processed, then 200 with truncated JSON', async () => {
    sim.injectFault({ kind: 'malformed', path: ROOM_CALL_PATH });
    const res = await roomCall(room(ROOM_ANSWER));
    expect(res.status).toBe(200);
    expect(res.text.startsWith('{')).toBe(true);
    expect(() => res.json()).toThrow();
    expect(sim.invites()).toHaveLength(1);
    expect(sim.requests.at(-1)).toMatchObject({ fault: 'malformed', status: 200, processed: { status: 200 } });
    expect(await statusOf(room(ROOM_ANSWER))).toBe(4);
  });

  it('drop: processed, then the connection is destroyed without an answer', async () => {
    sim.injectFault({ kind: 'drop', path: ROOM_CALL_PATH });
    await expect(roomCall(room(ROOM_ANSWER))).rejects.toThrow();
    expect(sim.invites()).toHaveLength(1);
    expect(sim.requests.filter((r) => r.path === ROOM_CALL_PATH)).toEqual([
      expect.objectContaining({ fault: 'drop', status: undefined, processed: { status: 200, errorCode: undefined } }),
    ]);
    expect(await statusOf(room(ROOM_ANSWER))).toBe(4);
  });

  it('hang: processed, never answered; close() ends the socket', async () => {
    const hanging = await start();
    hanging.injectFault({ kind: 'hang' });
    const pending = roomCall(room(ROOM_ANSWER), HOST_MEETING, hanging).then(
      () => 'answered',
      () => 'failed',
    );
    while (hanging.requests[0]?.processed === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(hanging.invites()).toHaveLength(1);
    expect(hanging.requests[0]?.status).toBeUndefined();
    await hanging.close();
    expect(await pending).toBe('failed');
  });

  it('rate_limit: 190310 without processing, so the very same signed request is accepted afterwards', async () => {
    sim.injectFault({ kind: 'rate_limit' });
    const req: Req = { method: 'PUT', path: ROOM_CALL_PATH, body: roomCallBody(room(ROOM_ANSWER)), nonce: '777' };
    expectError(await send(req), 190310, 500);
    expect(sim.invites()).toEqual([]);
    expect((await send(req)).status).toBe(200);
    expect(sim.invites()).toHaveLength(1);
  });

  it('injected faults honour path prefix and count', async () => {
    sim.injectFault({ kind: 'server_error', path: '/v1/meetings', count: 2 });
    const rooms = await send({ method: 'GET', path: '/v1/meeting-rooms?operator_id=admin1&operator_id_type=1' });
    expect(rooms.status).toBe(200);
    expectError(await send({ method: 'GET', path: VECTOR_C_URI }), 10002, 500);
    expectError(
      await send({ method: 'GET', path: `/v1/meetings/${HOST_MEETING}?userid=admin1&instanceid=1` }),
      10002,
      500,
    );
    expect((await send({ method: 'GET', path: VECTOR_C_URI })).status).toBe(200);
  });

  it('fault rates are deterministic for a seed, and setFaults turns them off', async () => {
    const sequence = async (target: Simulator) => {
      for (let i = 0; i < 20; i += 1) {
        await send({ to: target, method: 'GET', path: VECTOR_C_URI }).catch(() => undefined);
      }
      return target.requests.map((r) => r.fault ?? 'none');
    };
    const a = await start({ seed: 7, faults: { serverErrorRate: 0.5 } });
    const b = await start({ seed: 7, faults: { serverErrorRate: 0.5 } });
    try {
      const seqA = await sequence(a);
      expect(seqA).toEqual(await sequence(b));
      expect(seqA).toContain('server_error');
      expect(seqA).toContain('gateway_error');
      expect(seqA).toContain('none');
      a.setFaults({ rateLimitRate: 1 });
      expectError(await send({ to: a, method: 'GET', path: VECTOR_C_URI }), 190310, 500);
      a.setFaults({});
      expect((await send({ to: a, method: 'GET', path: VECTOR_C_URI })).status).toBe(200);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('latency delays answers but changes nothing else', async () => {
    sim.setFaults({ latencyMs: 20 });
    const res = await roomCall(room(ROOM_ANSWER));
    expect(res.status).toBe(200);
    expect(res.date).toBe(new Date(now).toUTCString());
  });

  it('records every request with lower-cased headers and the raw body', async () => {
    await roomCall(room(ROOM_ANSWER));
    const [recorded] = sim.requests;
    expect(recorded).toMatchObject({
      method: 'PUT',
      path: ROOM_CALL_PATH,
      rawBody: JSON.stringify(roomCallBody(room(ROOM_ANSWER))),
      status: 200,
      errorCode: undefined,
      fault: undefined,
    });
    expect(recorded?.headers['x-tc-registered']).toBe('1');
    expect(recorded?.headers['appid']).toBe(DEMO_CREDENTIALS.appId);
  });
});

describe('seed data', () => {
  it('has the documented meetings and rooms', () => {
    expect(sim.meetings.length).toBeGreaterThan(20);
    expect(new Set(sim.meetings.map((m) => m.meetingId)).size).toBe(sim.meetings.length);
    expect(new Set(sim.meetings.map((m) => m.meetingCode)).size).toBe(sim.meetings.length);
    expect(sim.meetings.map((m) => m.meetingCode).every((c) => /^\d{9}$/.test(c))).toBe(true);
    expect(sim.meetings.every((m) => /^\d{19,20}$/.test(m.meetingId))).toBe(true);
    expect(sim.meetings.some((m) => BigInt(m.meetingId) > 2n ** 64n)).toBe(true);
    expect(sim.meetings.filter((m) => m.status === 'MEETING_STATE_ENDED').map((m) => m.meetingId)).toEqual([
      ENDED_MEETING,
    ]);
    // Started meetings where admin1 is only an invitee: SIP/H.323 calls into them are refused (9042).
    const started = sim.meetings.filter((m) => m.status === 'MEETING_STATE_STARTED');
    const notHost = started.filter((m) => !m.hosts.includes('admin1') && !m.coHosts.includes('admin1'));
    expect(notHost.map((m) => m.meetingId)).toContain(PARTICIPANT_MEETING);
    expect(sim.meetings.filter((m) => m.status === 'MEETING_STATE_CANCELLED')).toHaveLength(1);
    expect(sim.meetings.filter((m) => m.meetingType === 1)).toHaveLength(1);
    expect(sim.rooms).toHaveLength(320);
    expect(new Set(sim.rooms.map((r) => r.meetingRoomId)).size).toBe(320);
    for (const outcome of ['answer', 'reject', 'noanswer', 'leave', 'unreachable'])
      expect(roomWith(outcome)).toBeTruthy();
  });
});
