// @vitest-environment happy-dom
// The virtual list's window: the rows in view plus a few beyond the edges, except in the render that answers a
// change of the rows in view (a keystroke in the search), which patches only the rows the operator sees; the
// others come back after that frame.
import { mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, nextTick } from 'vue';
import VirtualList from '../../renderer/src/components/VirtualList.vue';

const ROW_HEIGHT = 50;
/** What the list assumes before layout (happy-dom has none): 800 px, so 16 rows in view. */
const IN_VIEW = 16;
const OVERSCAN = 6;

type Item = { readonly id: string };
const items = (prefix: string, count: number): Item[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}` }));

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.useRealTimers();
});

function mountList(list: readonly Item[]): VueWrapper {
  wrapper = mount(VirtualList, {
    props: { items: list, rowHeight: ROW_HEIGHT, label: 'Rooms' },
    slots: { default: ({ item }: { item: unknown }) => h('span', { class: 'item' }, (item as Item).id) },
  });
  return wrapper;
}

const shown = (w: VueWrapper) => w.findAll('.item').map((row) => row.text());

/** Runs the frame and the task after it, where the rows beyond the edges come back. */
async function afterFrame(): Promise<void> {
  await vi.advanceTimersToNextFrame();
  await vi.runOnlyPendingTimersAsync();
  await nextTick();
}

describe('VirtualList', () => {
  it('renders the rows in view and six beyond the bottom edge', () => {
    const w = mountList(items('a', 100));
    expect(shown(w)).toEqual(items('a', IN_VIEW + OVERSCAN).map((item) => item.id));
    expect(w.find('[role="listitem"]').attributes('aria-setsize')).toBe('100');
  });

  it('answers a new list with the rows in view only, and brings the others back after the frame', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'] });
    const w = mountList(items('a', 100));
    await w.setProps({ items: items('b', 100) });
    expect(shown(w)).toEqual(items('b', IN_VIEW).map((item) => item.id));
    await afterFrame();
    expect(shown(w)).toEqual(items('b', IN_VIEW + OVERSCAN).map((item) => item.id));
  });

  it('keeps every row when the new list has the same items where the rows are', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'] });
    const first = items('a', 100);
    const w = mountList(first);
    // A search that only dropped rooms far below the fold: a new array, the same rooms on screen.
    await w.setProps({ items: first.slice(0, 40) });
    expect(shown(w)).toEqual(first.slice(0, IN_VIEW + OVERSCAN).map((item) => item.id));
    expect(w.find('[role="listitem"]').attributes('aria-setsize')).toBe('40');
  });

  it('waits for the last of several quick changes before bringing the rows back', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'] });
    const w = mountList(items('a', 100));
    await w.setProps({ items: items('b', 100) });
    await w.setProps({ items: items('c', 100) });
    expect(shown(w)).toHaveLength(IN_VIEW);
    await afterFrame();
    expect(shown(w)).toEqual(items('c', IN_VIEW + OVERSCAN).map((item) => item.id));
  });

  it('leaves nothing scheduled once unmounted', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'] });
    const w = mountList(items('a', 100));
    await w.setProps({ items: items('b', 100) });
    w.unmount();
    wrapper = undefined;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('shows the empty slot for an empty list', () => {
    wrapper = mount(VirtualList, {
      props: { items: [], rowHeight: ROW_HEIGHT, label: 'Rooms' },
      slots: { default: () => h('span'), empty: () => h('p', { class: 'none' }, 'No rooms') },
    });
    expect(wrapper.find('.none').text()).toBe('No rooms');
  });
});
