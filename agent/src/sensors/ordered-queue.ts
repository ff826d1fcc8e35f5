// Emits events in the order they were produced even when some need async work first (hashing a
// new executable): a slow head holds the ones behind it, so an exit never overtakes its start.
export class OrderedQueue<T> {
  private readonly items: Array<{ value: T | undefined; ready: boolean }> = [];

  constructor(private readonly out: (value: T) => void) {}

  get pending(): number {
    return this.items.length;
  }

  push(value: T): void {
    if (this.items.length === 0) this.out(value);
    else this.items.push({ value, ready: true });
  }

  /** Reserves a place; the returned function fills it (undefined drops it). */
  reserve(): (value: T | undefined) => void {
    const slot: { value: T | undefined; ready: boolean } = { value: undefined, ready: false };
    this.items.push(slot);
    return (value) => {
      slot.value = value;
      slot.ready = true;
      this.flush();
    };
  }

  private flush(): void {
    while (this.items.length > 0 && this.items[0].ready) {
      const { value } = this.items.shift()!;
      if (value !== undefined) this.out(value);
    }
  }
}
