// @vitest-environment happy-dom
// What the automation will ring by itself: each waiting retry or rejoin with a live countdown and a Cancel, for the
// meeting on screen or every meeting; read every second while any waits, every two while a call is under way, once
// when a call changes, and not at all when the window has nothing to watch.
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Component } from 'vue';
import type { PendingRedial } from '../../common/retry-policy';
import PendingRedials from '../../renderer/src/components/PendingRedials.vue';
import { useCallsStore } from '../../renderer/src/stores/calls';
import { NOW, pendingRedial } from './automation-fixtures';
import { makeCall, makeRoom } from './fixtures';
import { fail, installFakeApi, ipcError, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, mountApp as mountOnce, settle } from './helpers/mount';

const OTHER_MEETING = '1234567890123456789';
const BOARD = pendingRedial();
const LOBBY = pendingRedial({
  id: 'redial-2',
  kind: 'rejoin',
  roomName: '前台 Lobby',
  dueAt: new Date(NOW + 125_000).toISOString(),
  attempt: 2,
  of: 2,
  label: 'schedule: Monday board',
});
const ELSEWHERE = pendingRedial({ id: 'redial-3', roomName: 'Annex', meetingId: OTHER_MEETING });

let fake: FakeApi;
let waiting: PendingRedial[];
const mounted: VueWrapper[] = [];
function mountApp(component: Component, options: Record<string, unknown> = {}) {
  const wrapper = mountOnce(component, options);
  mounted.push(wrapper as VueWrapper);
  return wrapper;
}

beforeEach(() => {
  fake = installFakeApi();
  waiting = [BOARD, LOBBY, ELSEWHERE];
  fake.pendingRedials.mockImplementation(() => ok(waiting));
  fake.cancelRedial.mockImplementation(({ id }: { id: string }) => {
    waiting = waiting.filter((p) => p.id !== id);
    return ok(null);
  });
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount();
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

const lines = () =>
  [...document.body.querySelectorAll('[data-testid="pending-redial-text"]')].map((el) => el.textContent?.trim());
const itemOf = (room: string) =>
  document.body.querySelector<HTMLElement>(`[data-testid="pending-redial"][data-room-name="${room}"]`);

describe('pending automatic redials', () => {
  it("lists the meeting's waiting redials with a countdown that ticks every second", async () => {
    mountApp(PendingRedials, { props: { meetingId: BOARD.meetingId } });
    await settle();
    expect(lines()).toEqual(['Retry 1/2 of Board room in 0:42', 'Rejoin 2/2 of 前台 Lobby in 2:05']);
    expect(itemOf('前台 Lobby')?.textContent).toContain('for schedule: Monday board');
    vi.advanceTimersByTime(1000);
    await settle();
    expect(lines()).toEqual(['Retry 1/2 of Board room in 0:41', 'Rejoin 2/2 of 前台 Lobby in 2:04']);
    vi.advanceTimersByTime(60_000);
    await settle();
    expect(lines()[0]).toBe('Retry 1/2 of Board room in 0:00');
  });

  it("shows every meeting's without a meeting, and reads in Chinese", async () => {
    mountApp(PendingRedials, { locale: 'zh-CN' });
    await settle();
    expect(lines()).toEqual([
      '第 1/2 次重呼 Board room，0:42 后',
      '第 2/2 次重新呼叫入会 前台 Lobby，2:05 后',
      '第 1/2 次重呼 Annex，0:42 后',
    ]);
  });

  it('cancels one: main is asked to drop it, it leaves the list, and the window says so', async () => {
    mountApp(PendingRedials, { props: { meetingId: BOARD.meetingId } });
    await settle();
    const cancel = itemOf('Board room')?.querySelector<HTMLElement>('[data-testid="pending-redial-cancel"]');
    expect(cancel?.getAttribute('aria-label')).toBe('Cancel the automatic redial of Board room');
    cancel?.click();
    await settle();
    expect(fake.cancelRedial).toHaveBeenCalledWith({ id: 'redial-1' });
    expect(lines()).toEqual(['Rejoin 2/2 of 前台 Lobby in 2:05']);
    expect(byTestId('status-note')?.textContent).toContain('Automatic redial of Board room cancelled');
  });

  it('one that already rang or went says why and leaves the list', async () => {
    fake.cancelRedial.mockImplementation(() => {
      waiting = waiting.filter((p) => p.id !== 'redial-1');
      return fail(ipcError('not_found', 'This automatic redial is no longer waiting'));
    });
    mountApp(PendingRedials, { props: { meetingId: BOARD.meetingId } });
    await settle();
    itemOf('Board room')?.querySelector<HTMLElement>('[data-testid="pending-redial-cancel"]')?.click();
    await settle();
    expect(byTestId('status-note')?.textContent).toContain('This automatic redial is no longer waiting');
    expect(itemOf('Board room')).toBeNull();
  });

  it('reads every second while any waits, and stops reading when none waits and no call is under way', async () => {
    mountApp(PendingRedials);
    await settle();
    expect(fake.pendingRedials).toHaveBeenCalledTimes(1);
    for (let second = 0; second < 3; second++) {
      vi.advanceTimersByTime(1000);
      await settle();
    }
    expect(fake.pendingRedials).toHaveBeenCalledTimes(4);

    waiting = [];
    vi.advanceTimersByTime(1000);
    await settle();
    const calls = fake.pendingRedials.mock.calls.length;
    expect(byTestId('pending-redials-empty')?.textContent).toContain('No automatic redial waiting');
    vi.advanceTimersByTime(60_000);
    await settle();
    expect(fake.pendingRedials).toHaveBeenCalledTimes(calls);
  });

  it('reads every two seconds while a call is under way, and once when a call changes', async () => {
    waiting = [];
    mountApp(PendingRedials);
    const callsStore = useCallsStore();
    await settle();
    expect(fake.pendingRedials).toHaveBeenCalledTimes(1);
    const room = makeRoom({ name: 'Board room' });
    callsStore.apply(makeCall(room, 'ringing', { updatedAt: '2026-11-22T02:00:01.000Z' }));
    await settle();
    expect(fake.pendingRedials).toHaveBeenCalledTimes(2);
    for (let second = 0; second < 4; second++) {
      vi.advanceTimersByTime(1000);
      await settle();
    }
    expect(fake.pendingRedials).toHaveBeenCalledTimes(4);

    // The call ends unanswered and main waits to retry it: the change is read at once, then every second.
    waiting = [BOARD];
    callsStore.apply(makeCall(room, 'no_answer', { updatedAt: '2026-11-22T02:00:30.000Z' }));
    await settle();
    expect(fake.pendingRedials).toHaveBeenCalledTimes(5);
    expect(lines()).toEqual(['Retry 1/2 of Board room in 0:38']);
    for (let second = 0; second < 2; second++) {
      vi.advanceTimersByTime(1000);
      await settle();
    }
    expect(fake.pendingRedials).toHaveBeenCalledTimes(7);
  });

  it('can stay out of the way where an empty panel would only take room', async () => {
    waiting = [];
    mountApp(PendingRedials, { props: { hideWhenEmpty: true } });
    await settle();
    expect(byTestId('pending-redials')).toBeNull();
  });
});
