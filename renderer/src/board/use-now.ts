// The time, ticking once a second while `running` is true (a call is under way), so ring times and "next check in"
// count without a timer left running on an idle board.
import { onBeforeUnmount, ref, watch, type Ref, type WatchSource } from 'vue';

export function useNow(running: WatchSource<boolean>, everyMs = 1000): Ref<number> {
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  watch(
    running,
    (on) => {
      now.value = Date.now();
      if (on && timer === undefined) timer = setInterval(() => (now.value = Date.now()), everyMs);
      else if (!on) stop();
    },
    { immediate: true },
  );
  onBeforeUnmount(stop);
  return now;
}
