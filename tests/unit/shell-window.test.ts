// Where the window opens, how its position is saved, and how a second launch brings it forward.
import { describe, expect, it } from 'vitest';
import { debounce, type Timers } from '../../main/shell/debounce';
import { focusWindow, type FocusableWindow } from '../../main/shell/focus-window';
import {
  boundsToSave,
  DEFAULT_WINDOW_SIZE,
  initialWindowBounds,
  isGrabbableOnSomeDisplay,
  MIN_WINDOW_SIZE,
  type DisplayArea,
} from '../../main/shell/window-bounds';

const laptop: DisplayArea = { workArea: { x: 0, y: 0, width: 1440, height: 860 } };
// A second monitor to the left, taller, with its top above the laptop's.
const leftMonitor: DisplayArea = { workArea: { x: -2560, y: -300, width: 2560, height: 1400 } };
const DEFAULT = { kind: 'default', ...DEFAULT_WINDOW_SIZE };

describe('initial window bounds', () => {
  it('uses saved bounds that are on a screen', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700 };
    expect(initialWindowBounds(saved, [laptop])).toEqual({ kind: 'saved', bounds: saved });
    const onLeft = { x: -2000, y: -200, width: 1200, height: 900 };
    expect(initialWindowBounds(onLeft, [laptop, leftMonitor])).toEqual({ kind: 'saved', bounds: onLeft });
  });

  it('falls back to the default size when nothing was saved', () => {
    expect(initialWindowBounds(undefined, [laptop])).toEqual(DEFAULT);
  });

  it('falls back when the monitor it was on is gone', () => {
    expect(initialWindowBounds({ x: -2000, y: -200, width: 1200, height: 900 }, [laptop])).toEqual(DEFAULT);
    expect(initialWindowBounds({ x: 100, y: 100, width: 800, height: 600 }, [])).toEqual(DEFAULT);
  });

  it('falls back when the title bar cannot be grabbed: above the screen, below it, or almost off the side', () => {
    for (const saved of [
      { x: 100, y: -20, width: 1000, height: 700 },
      { x: 100, y: 840, width: 1000, height: 700 },
      { x: 1340, y: 100, width: 1000, height: 700 },
      { x: -900, y: 100, width: 1000, height: 700 },
    ]) {
      expect(initialWindowBounds(saved, [laptop]), JSON.stringify(saved)).toEqual(DEFAULT);
    }
  });

  it('accepts a window whose title bar is just grabbable', () => {
    // 120 px of the title bar on screen, the full 32 px of its height.
    expect(isGrabbableOnSomeDisplay({ x: 1320, y: 828, width: 1000, height: 700 }, [laptop])).toBe(true);
    expect(isGrabbableOnSomeDisplay({ x: 1321, y: 828, width: 1000, height: 700 }, [laptop])).toBe(false);
    expect(isGrabbableOnSomeDisplay({ x: 1320, y: 829, width: 1000, height: 700 }, [laptop])).toBe(false);
  });

  it('shrinks a window saved on a bigger monitor to the largest screen, never below the minimum size', () => {
    expect(initialWindowBounds({ x: 0, y: 0, width: 3000, height: 2000 }, [laptop])).toEqual({
      kind: 'saved',
      bounds: { x: 0, y: 0, width: 1440, height: 860 },
    });
    expect(initialWindowBounds({ x: 0, y: 0, width: 200, height: 100 }, [laptop])).toEqual({
      kind: 'saved',
      bounds: { x: 0, y: 0, ...MIN_WINDOW_SIZE },
    });
  });

  it('saves whole pixels', () => {
    expect(boundsToSave({ x: 10.4, y: -3.6, width: 1199.5, height: 800.2 })).toEqual({
      x: 10,
      y: -4,
      width: 1200,
      height: 800,
    });
  });
});

/** Timers the test advances by hand. */
function manualTimers(): Timers & { fire(): void; pending(): number } {
  const queue = new Map<number, () => void>();
  let next = 0;
  return {
    setTimeout(callback) {
      next += 1;
      queue.set(next, callback);
      return next;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    fire() {
      const callbacks = [...queue.values()];
      queue.clear();
      for (const callback of callbacks) callback();
    },
    pending: () => queue.size,
  };
}

/** A debounced counter on manual timers. */
function countedSave() {
  const timers = manualTimers();
  let writes = 0;
  const save = debounce(() => (writes += 1), 500, timers);
  return { timers, save, writes: () => writes };
}

describe('debounced save', () => {
  it('writes once after a burst of moves, not on each', () => {
    const { timers, save, writes } = countedSave();
    for (let i = 0; i < 50; i += 1) save.schedule();
    expect(writes()).toBe(0);
    expect(timers.pending()).toBe(1);
    timers.fire();
    expect(writes()).toBe(1);
  });

  it('flush writes at once (on close) and only if something is waiting', () => {
    const { timers, save, writes } = countedSave();
    save.flush();
    expect(writes()).toBe(0);
    save.schedule();
    save.flush();
    expect(writes()).toBe(1);
    expect(timers.pending()).toBe(0);
    save.flush();
    expect(writes()).toBe(1);
  });

  it('cancel drops the waiting write', () => {
    const { timers, save, writes } = countedSave();
    save.schedule();
    save.cancel();
    timers.fire();
    save.flush();
    expect(writes()).toBe(0);
  });
});

function fakeWindow(state: { minimized?: boolean; visible?: boolean; destroyed?: boolean }) {
  const calls: string[] = [];
  const window: FocusableWindow = {
    isDestroyed: () => state.destroyed ?? false,
    isMinimized: () => state.minimized ?? false,
    isVisible: () => state.visible ?? true,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
  return { window, calls };
}

describe('second launch', () => {
  it('restores a minimized window, shows a hidden one, and focuses it', () => {
    const minimized = fakeWindow({ minimized: true });
    focusWindow(minimized.window);
    expect(minimized.calls).toEqual(['restore', 'focus']);
    const hidden = fakeWindow({ visible: false });
    focusWindow(hidden.window);
    expect(hidden.calls).toEqual(['show', 'focus']);
  });

  it('does nothing when there is no window (yet) or it is gone', () => {
    const gone = fakeWindow({ destroyed: true, minimized: true });
    focusWindow(gone.window);
    focusWindow(undefined);
    expect(gone.calls).toEqual([]);
  });
});
