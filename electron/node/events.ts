// A minimal typed emitter that fits the contract's onDidX shape.
import type { EventSource, Listener } from '../common/contract';

export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  readonly event: EventSource<T> = (l) => {
    this.listeners.add(l);
    return () => {
      this.listeners.delete(l);
    };
  };
  fire(value: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(value);
      } catch {
        /* a faulty listener must not stop the others */
      }
    }
  }
  get size(): number {
    return this.listeners.size;
  }
}
