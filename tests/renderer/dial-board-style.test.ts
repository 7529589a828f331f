// The board's rules apart from its looks: the state palette as shipped in styles/app.css (4.5:1 for every tone, in
// light and dark), one distinct icon per state, the roster's order and wording, the ring clock, and what the header
// reads from calls about the connection.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALL_STATES, type CallView } from '../../common/call-model';
import { newestSignal, signalOfCall, signalOfCalls } from '../../renderer/src/board/connection';
import {
  elapsedMs,
  explainCall,
  formatElapsed,
  rosterOrder,
  secondsToNextCheck,
} from '../../renderer/src/board/roster';
import { STATE_STYLE, type StateTone } from '../../renderer/src/board/state-style';
import { makeCall, makeRoom } from './fixtures';

const CSS = readFileSync(new URL('../../renderer/src/styles/app.css', import.meta.url), 'utf8');
const TONES: readonly StateTone[] = ['queued', 'calling', 'ringing', 'joined', 'problem', 'unknown', 'stopped'];

/** The custom properties set in the first block that `selector` opens. */
function variables(selector: string): Map<string, string> {
  const start = CSS.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in app.css`);
  const block = CSS.slice(start, CSS.indexOf('}', start));
  return new Map([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1] as string, m[2] as string]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const call = (state: CallView['state'], overrides: Partial<CallView> = {}) =>
  makeCall(makeRoom({ name: overrides.roomName ?? `Room ${state}` }), state, overrides);

describe('the state palette', () => {
  it.each([
    ['light', ':root', '#ffffff'],
    ['dark', 'html.dark', '#141414'],
  ])('keeps every tone at 4.5:1 or more on its tint and on the page (%s)', (_theme, selector, page) => {
    const vars = variables(selector);
    for (const tone of TONES) {
      const fg = vars.get(`--rd-${tone}-fg`);
      const bg = vars.get(`--rd-${tone}-bg`);
      expect(fg, tone).toBeDefined();
      expect(bg, tone).toBeDefined();
      expect(contrast(fg as string, bg as string), `${tone} on its tint`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(fg as string, page), `${tone} on the page`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('darkens Element Plus’s blue and placeholder grey to 4.5:1 on white (buttons carry white text on the blue)', () => {
    const vars = variables('html:root');
    for (const name of ['--el-color-primary', '--el-text-color-secondary', '--el-text-color-placeholder']) {
      expect(contrast(vars.get(name) ?? '#ffffff', '#ffffff'), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives every state a tone class that exists, and an icon of its own (it reads without colour)', () => {
    for (const tone of TONES) expect(CSS).toContain(`.rd-tone--${tone} {`);
    const icons = CALL_STATES.map((state) => STATE_STYLE[state].icon);
    expect(new Set(icons).size).toBe(CALL_STATES.length);
  });
});

describe('the roster', () => {
  it('puts problems first (failed, unknown, rejected, no answer, left), then calls under way, then the settled', () => {
    const order = rosterOrder(CALL_STATES.map((state) => call(state)));
    expect(order.map((c) => c.state)).toEqual([
      'failed',
      'unknown',
      'rejected',
      'no_answer',
      'left',
      'ringing',
      'calling',
      'queued',
      'cancelled',
      'joined',
    ]);
  });

  it('orders rooms of one state by name, numbers as numbers', () => {
    const names = ['Room 10', 'Room 9', 'Alpha'].map((roomName) => call('rejected', { roomName }));
    expect(rosterOrder(names).map((c) => c.roomName)).toEqual(['Alpha', 'Room 9', 'Room 10']);
  });

  it('says Tencent gives no cause for no answer and for 10004, and keeps main’s hint as the next step', () => {
    expect(explainCall(call('no_answer'))).toEqual({
      cause: { key: 'board.tencentNoCause' },
      next: { key: 'board.next.noAnswer' },
    });
    const hint = { 'zh-CN': '请确认', 'en-US': 'Check the room' };
    const failed = call('failed', {
      error: { kind: 'api', code: 10004, message: { 'zh-CN': '失败', 'en-US': 'Failed (10004)' }, hint },
    });
    expect(explainCall(failed)).toEqual({ cause: { key: 'board.tencentNoCause' }, next: { text: hint } });
  });

  it('gives rejected and no-answer rows a next step even without an error from main', () => {
    expect(explainCall(call('rejected'))).toEqual({
      cause: { key: 'board.cause.rejected' },
      next: { key: 'board.next.rejected' },
    });
    expect(explainCall(call('ringing'))).toEqual({ next: { key: 'board.next.ringing' } });
    const note = {
      'zh-CN': '已在会议中（另一台电脑呼叫）',
      'en-US': 'Already in the meeting, called from another desk',
    };
    expect(explainCall(call('joined', { note }))).toEqual({
      cause: { text: note },
      next: { key: 'board.next.joined' },
    });
  });

  it('counts the ring time from the invite to the end, and the seconds to the next status read', () => {
    const ringing = call('ringing', {
      startedAt: '2026-11-22T02:00:00.000Z',
      nextCheckAt: '2026-11-22T02:00:05.200Z',
    });
    const now = Date.parse('2026-11-22T02:00:03.000Z');
    expect(formatElapsed(elapsedMs(ringing, now))).toBe('0:03');
    expect(secondsToNextCheck(ringing, now)).toBe(3);
    expect(secondsToNextCheck(ringing, Date.parse('2026-11-22T02:00:09.000Z'))).toBe(0);
    const ended = call('no_answer', { startedAt: '2026-11-22T02:00:00.000Z', endedAt: '2026-11-22T02:01:02.000Z' });
    expect(formatElapsed(elapsedMs(ended, now))).toBe('1:02');
    expect(secondsToNextCheck(ended, now)).toBeUndefined();
  });
});

describe('the connection as the header reads it', () => {
  it('takes a call Tencent answered as ok, a network failure as failing, and a call not yet sent as nothing', () => {
    expect(signalOfCall(call('ringing'))?.state).toBe('ok');
    expect(signalOfCall(call('calling'))).toBeUndefined();
    const lost = call('unknown', {
      updatedAt: '2026-11-22T02:00:09.000Z',
      error: {
        kind: 'network',
        code: 'network',
        message: { 'zh-CN': '网络', 'en-US': 'Connection refused' },
        hint: { 'zh-CN': '', 'en-US': '' },
      },
    });
    expect(signalOfCall(lost)).toMatchObject({ state: 'failing', message: { 'en-US': 'Connection refused' } });
    const refused = call('failed', {
      error: { kind: 'api', code: 10004, message: lost.error!.message, hint: lost.error!.hint },
    });
    expect(signalOfCall(refused)?.state).toBe('ok');
  });

  it('shows the newest signal of all', () => {
    const older = call('joined', { updatedAt: '2026-11-22T02:00:01.000Z' });
    const newer = call('unknown', {
      updatedAt: '2026-11-22T02:00:02.000Z',
      error: {
        kind: 'timeout',
        code: 'timeout',
        message: { 'zh-CN': '超时', 'en-US': 'Timed out' },
        hint: { 'zh-CN': '请重试', 'en-US': 'Try again' },
      },
    });
    expect(signalOfCalls([newer, older])?.state).toBe('failing');
    const lookup = { state: 'ok' as const, at: Date.parse('2026-11-22T02:00:03.000Z') };
    expect(newestSignal(signalOfCalls([newer, older]), lookup)).toBe(lookup);
  });
});
