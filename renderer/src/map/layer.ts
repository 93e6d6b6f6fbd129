// Every map layer has one shape: it is told the state it should show (`sync(desired)`) and applies
// only what changed since the last call; `destroy()` removes everything it added. The desired state
// comes from the stores (map/desired.ts), so the map is a function of the stores, never reactive itself.
export interface MapLayer<D> {
  sync(desired: D): void;
  destroy(): void;
}

/** Helper for small desired states: apply(next, prev) runs only when the state changed. */
export abstract class SyncedLayer<D> implements MapLayer<D> {
  private last: string | null = null;
  protected prev: D | null = null;

  sync(desired: D): void {
    const key = JSON.stringify(desired);
    if (key === this.last) return;
    this.last = key;
    const prev = this.prev;
    this.prev = desired;
    this.apply(desired, prev);
  }

  protected abstract apply(next: D, prev: D | null): void;
  abstract destroy(): void;
}
