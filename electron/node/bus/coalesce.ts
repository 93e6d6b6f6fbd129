// Coalescing for high-rate telemetry: keeps only the latest value per entity and hands the set on at
// most every intervalMs, so what reaches windows is bounded by the number of entities, not the input rate.

export interface Coalescer<V> {
  push(key: string, value: V): void;
  /** hands on what is pending now */
  flush(): void;
  dispose(): void;
}

export function createCoalescer<V>(emit: (values: V[]) => void, intervalMs = 100): Coalescer<V> {
  let pending = new Map<string, V>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    last = Date.now();
    if (!pending.size) return;
    const values = [...pending.values()];
    pending = new Map();
    emit(values);
  };
  return {
    push(key, value) {
      pending.set(key, value);
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, last + intervalMs - Date.now()));
    },
    flush,
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = new Map();
    },
  };
}
