/**
 * The caches of one analyzer instance (`createAnalyzer` in analyzer.ts). A module that wants to
 * remember something between analyses declares a `Slot` once (an immutable key with a maker)
 * and asks the memo it is handed for the slot's value; without a memo it computes afresh.
 * Nothing in the core keeps mutable state at module level: the memo lives as long as its host's
 * analyzer and is emptied by `dispose`.
 */

/** A named place in a memo; `make` builds its empty value on first use. */
export interface Slot<T> {
  readonly name: string;
  make(): T;
}

/** Declare a slot (call once, at module level: the slot itself holds no state). */
export function slot<T>(name: string, make: () => T): Slot<T> {
  return Object.freeze({ name, make });
}

export class Memo {
  private readonly values = new Map<Slot<unknown>, unknown>();

  /** The slot's value in this memo, made on first use. */
  get<T>(s: Slot<T>): T {
    let v = this.values.get(s as Slot<unknown>) as T | undefined;
    if (v === undefined) {
      v = s.make();
      this.values.set(s as Slot<unknown>, v);
    }
    return v;
  }

  /** Forget everything (the host disposed the analyzer, or memory must be freed). */
  clear(): void {
    this.values.clear();
  }
}

/**
 * A map that starts afresh when it holds `max` entries or, with `weigh`, when its entries weigh
 * more than `maxWeight` together (e.g. characters of the keys): memory stays flat under any
 * input. An entry heavier than `maxWeight / 16` alone is not kept.
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  private weight = 0;
  constructor(
    private readonly max: number,
    private readonly maxWeight = Infinity,
    private readonly weigh: (key: K, value: V) => number = () => 0,
  ) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): void {
    const w = this.weigh(key, value);
    if (this.map.has(key)) {
      this.map.set(key, value);
      return;
    }
    if (w > this.maxWeight / 16) return;
    if (this.map.size >= this.max || this.weight + w > this.maxWeight) {
      this.map.clear();
      this.weight = 0;
    }
    this.map.set(key, value);
    this.weight += w;
  }

  get size(): number {
    return this.map.size;
  }
}
