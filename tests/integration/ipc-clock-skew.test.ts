// Clock skew reaches the window: app:info carries the skew main measured on Tencent's last answer (here the
// simulator's clock is set off), from more than a minute on, and clears once the clocks agree again.
import { afterEach, expect, it } from 'vitest';
import { startIpcHarness, type IpcHarness } from '../helpers/ipc-harness';

let h: IpcHarness;
afterEach(async () => {
  await h.close();
});

it('app:info shows the skew of the last answer beyond a minute, either way, and clears it when fixed', async () => {
  h = await startIpcHarness({ simulator: { faults: { clockOffsetMs: 3 * 60_000 } } });
  expect((await h.ok('app:info', {})).clockSkewMs).toBeNull(); // nothing measured yet
  await h.ok('meetings:lookup', { meeting: '806146667' });
  const ahead = (await h.ok('app:info', {})).clockSkewMs;
  // The Date header has whole seconds and the answer takes a moment: within 2 s of the offset.
  expect(ahead).not.toBeNull();
  expect(Math.abs((ahead ?? 0) - 3 * 60_000)).toBeLessThan(2000);

  // A refused request reports the server's time too (this code does not exist).
  h.sim.setFaults({ clockOffsetMs: -2 * 60_000 });
  await h.fail('meetings:lookup', { meeting: '999999999' });
  const behind = (await h.ok('app:info', {})).clockSkewMs ?? 0;
  expect(Math.abs(behind + 2 * 60_000)).toBeLessThan(2000);

  h.sim.setFaults({ clockOffsetMs: 20_000 });
  await h.ok('meetings:lookup', { meeting: '806146667' });
  expect((await h.ok('app:info', {})).clockSkewMs).toBeNull();
});
