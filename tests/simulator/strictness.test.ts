// Strictness the simulator adds beyond JSON.parse: integer fields written as integers, no key twice, no BOM, no
// query string on the body endpoints. Plus: the example addresses it prints are ones the app itself accepts.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateH323Address, validateSipAddress } from '../../common/address';
import { scanJson } from '../../simulator/json-scan';
import { outcomeForDialString } from '../../simulator/seed';
import { EXAMPLE_ADDRESSES, startSimulator, type Simulator } from '../../simulator/server';
import { computeSignature } from '../../simulator/signature';

describe('scanJson', () => {
  it('finds the first key given twice, with its path', () => {
    expect(scanJson('{"a":1,"b":{"c":"x","c":"y"},"a":2}').duplicateKey).toEqual(['b', 'c']);
    expect(scanJson('{"a":1,"a":1}').duplicateKey).toEqual(['a']);
    expect(scanJson('{"a":{"x":1},"b":{"x":1},"l":[{"x":1},{"x":1}]}').duplicateKey).toBeUndefined();
  });

  it('finds numbers written with a fraction or exponent, not digits inside strings', () => {
    const text = '{"i":1,"f":1.0,"e":-2E3,"s":"1.0 {\\"q\\": 2.5}","m":{"p":1e0,"n":-7},"l":[0.5]}';
    expect(scanJson(text).nonIntegerLiterals).toEqual([['f'], ['e'], ['m', 'p'], ['l']]);
    expect(scanJson(text).duplicateKey).toBeUndefined();
  });
});

let sim: Simulator;
let nonce = 70_000;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

/** A correctly signed request with exactly these body bytes (node:http adds nothing else). */
function send(method: 'PUT' | 'POST', uri: string, body: string | Buffer) {
  const c = sim.credentials;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const n = String((nonce += 1));
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const headers = {
    'Content-Type': 'application/json',
    'Content-Length': String(bytes.length),
    'X-TC-Key': c.secretId,
    'X-TC-Timestamp': timestamp,
    'X-TC-Nonce': n,
    'X-TC-Signature': computeSignature(c.secretKey, {
      method,
      secretId: c.secretId,
      nonce: n,
      timestamp,
      uri,
      body: bytes,
    }),
    AppId: c.appId,
    SdkId: c.sdkId,
    'X-TC-Registered': '1',
  };
  const url = new URL(sim.url);
  return new Promise<{ status: number; json: { error_info?: { error_code: number; message: string } } }>(
    (resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, method, path: uri, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end(bytes);
    },
  );
}

const ROOM_CALL = '/v1/meeting-rooms/room-call';
const INFO = '/v1/meeting-rooms/room-call-info';
const HEAD = '"operator_id":"admin1","meeting_id":"7567173273889276131"';

async function expectRefused(
  request: Promise<Awaited<ReturnType<typeof send>>>,
  code: number,
  http: number,
  detail: string,
) {
  const invites = sim.invites().length;
  const res = await request;
  expect({ status: res.status, code: res.json.error_info?.error_code }).toEqual({ status: http, code });
  expect(res.json.error_info?.message).toContain(detail);
  expect(sim.invites()).toHaveLength(invites);
}

describe('body strictness over HTTP', () => {
  it('the plain request is accepted (control), also with digits and braces inside strings', async () => {
    expect((await send('PUT', ROOM_CALL, `{${HEAD},"operator_id_type":1,"meeting_room_id":"2489756789"}`)).status).toBe(
      200,
    );
    const mra = '"mra_address":{"protocol":1,"dial_string":"sip:1.0e5@sip.example.com"}';
    expect((await send('PUT', ROOM_CALL, `{${HEAD},"operator_id_type":1,${mra}}`)).status).toBe(200);
  });

  it.each([
    ['operator_id_type 1.0', `{${HEAD},"operator_id_type":1.0,"meeting_room_id":"2489756789"}`, 'operator_id_type'],
    ['operator_id_type 1e0', `{${HEAD},"operator_id_type":1e0,"meeting_room_id":"2489756789"}`, 'operator_id_type'],
    [
      'mra_address.protocol 2.0',
      `{${HEAD},"operator_id_type":1,"mra_address":{"protocol":2.0,"dial_string":"192.0.2.10"}}`,
      'mra_address.protocol',
    ],
  ])('an integer written as %s → 20000 (HTTP 500)', async (_label, body, field) => {
    await expectRefused(send('PUT', ROOM_CALL, body), 20000, 500, `"${field}" must be written as an integer`);
  });

  it('instance_id 1.0 in room-call-info → 20000', async () => {
    const body = `{${HEAD},"operator_id_type":1,"instance_id":1.0,"meeting_room_id":"2489756789"}`;
    await expectRefused(send('POST', INFO, body), 20000, 500, '"instance_id"');
  });

  it.each([
    ['meeting_room_id', `{${HEAD},"operator_id_type":1,"meeting_room_id":"2489756789","meeting_room_id":"2489700131"}`],
    [
      'mra_address.dial_string',
      `{${HEAD},"operator_id_type":1,"mra_address":{"protocol":1,"dial_string":"a@b.cn","dial_string":"c@d.cn"}}`,
    ],
  ])('a key given twice (%s) → 190004 naming it', async (field, body) => {
    await expectRefused(send('PUT', ROOM_CALL, body), 190004, 400, `"${field}" given more than once`);
  });

  it('a body starting with a UTF-8 byte order mark → 190004', async () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`{${HEAD},"operator_id_type":1,"meeting_room_id":"2489756789"}`),
    ]);
    await expectRefused(send('PUT', ROOM_CALL, body), 190004, 400, 'byte order mark');
  });

  it('a query string on a body endpoint → 190004 naming the parameter', async () => {
    const body = `{${HEAD},"operator_id_type":1,"meeting_room_id":"2489756789"}`;
    await expectRefused(send('PUT', `${ROOM_CALL}?meeting_room_id=1`, body), 190004, 400, '"meeting_room_id"');
    const infoBody = `{${HEAD},"operator_id_type":1,"meeting_room_id":"2489756789"}`;
    await expectRefused(send('POST', `${INFO}?instance_id=1`, infoBody), 190004, 400, '"instance_id"');
  });
});

describe('example addresses', () => {
  it('every printed example passes the app’s own validator for its protocol, and has the outcome it claims', () => {
    for (const address of EXAMPLE_ADDRESSES) {
      const check = address.protocol === 1 ? validateSipAddress : validateH323Address;
      expect(check(address.dialString), address.dialString).toMatchObject({ ok: true });
      expect(outcomeForDialString(address.dialString)).toBe(address.outcome);
    }
    expect(new Set(EXAMPLE_ADDRESSES.filter((a) => a.protocol === 2).map((a) => a.outcome))).toEqual(
      new Set(['answer', 'reject', 'noanswer', 'unreachable', 'leave', 'fail']),
    );
  });
});
