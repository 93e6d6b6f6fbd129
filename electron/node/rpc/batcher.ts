// Fan-out to windows is batched: events for one window are collected and sent together at most
// every intervalMs, never one message per upstream message.
export interface EventBatcher {
  push(ch: string, v: unknown): void;
  dispose(): void;
}

export function createEventBatcher(
  send: (items: { ch: string; v: unknown }[]) => void,
  intervalMs = 100,
): EventBatcher {
  let queue: { ch: string; v: unknown }[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  const flush = () => {
    timer = null;
    last = Date.now();
    const items = queue;
    queue = [];
    if (items.length) send(items);
  };
  return {
    push(ch, v) {
      queue.push({ ch, v });
      if (timer) return;
      const wait = Math.max(0, last + intervalMs - Date.now());
      timer = setTimeout(flush, wait);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
      queue = [];
    },
  };
}
