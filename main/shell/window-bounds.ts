// Where the window opens: where the operator left it, unless that place is no longer on any screen (a monitor was
// unplugged, the resolution changed), in which case it opens at the default size, centred by Electron.
import type { WindowBounds } from '../../common/store-schema';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What the logic needs of Electron's Display: the area not covered by task bars and docks. */
export interface DisplayArea {
  readonly workArea: Rect;
}

export const DEFAULT_WINDOW_SIZE = Object.freeze({ width: 1200, height: 800 });
export const MIN_WINDOW_SIZE = Object.freeze({ width: 800, height: 560 });

/** The strip the operator drags the window by; it must be reachable for the position to be usable. */
const TITLE_BAR_HEIGHT = 32;
/** How much of the title bar, in pixels, must be on one screen for the operator to grab it. */
const MIN_GRABBABLE_WIDTH = 120;

/** Overlap of two rectangles, or null when they do not touch. */
function intersect(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** True when the window's whole title bar height, and at least 120 px of its width, lie on one display's work area. */
export function isGrabbableOnSomeDisplay(bounds: Rect, displays: readonly DisplayArea[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: TITLE_BAR_HEIGHT };
  return displays.some(({ workArea }) => {
    const overlap = intersect(titleBar, workArea);
    return overlap !== null && overlap.height === TITLE_BAR_HEIGHT && overlap.width >= MIN_GRABBABLE_WIDTH;
  });
}

export type InitialBounds =
  | { readonly kind: 'saved'; readonly bounds: WindowBounds }
  | { readonly kind: 'default'; readonly width: number; readonly height: number };

/**
 * The bounds to open the window with. Saved bounds are used when they are grabbable on a current display, with
 * the size kept within the minimum and within the largest display (a window saved on a 4K monitor stays usable
 * on a laptop); otherwise the default size, which Electron centres on the primary display.
 */
export function initialWindowBounds(saved: WindowBounds | undefined, displays: readonly DisplayArea[]): InitialBounds {
  const fallback: InitialBounds = { kind: 'default', ...DEFAULT_WINDOW_SIZE };
  if (!saved || !isGrabbableOnSomeDisplay(saved, displays)) return fallback;
  const largest = displays.reduce(
    (max, { workArea }) => ({
      width: Math.max(max.width, workArea.width),
      height: Math.max(max.height, workArea.height),
    }),
    { width: 0, height: 0 },
  );
  const width = Math.max(MIN_WINDOW_SIZE.width, Math.min(saved.width, largest.width));
  const height = Math.max(MIN_WINDOW_SIZE.height, Math.min(saved.height, largest.height));
  return { kind: 'saved', bounds: { x: saved.x, y: saved.y, width, height } };
}

/** Electron's bounds as the store's schema wants them: whole pixels (fractional on scaled displays). */
export function boundsToSave(bounds: Rect): WindowBounds {
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
  };
}
