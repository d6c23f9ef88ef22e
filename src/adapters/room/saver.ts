/**
 * Saves the room one save at a time. A change asks for a save and waits for it; changes that
 * arrive while a save is being made wait for the next one, which then saves them all together.
 * So saves never overlap, a burst of changes costs a few saves, and a change is answered only
 * once a save that includes it is on disk.
 */
export class Saver {
  private running: Promise<void> | undefined;
  private waiting: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | undefined;

  constructor(private readonly save: () => Promise<void>) {}

  /** Resolves once the room as it is now is saved. */
  request(): Promise<void> {
    if (!this.waiting) {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.waiting = { promise, resolve, reject };
    }
    const { promise } = this.waiting;
    this.next();
    return promise;
  }

  /** Resolves when every save asked for is made (failed ones included). */
  async idle(): Promise<void> {
    while (this.running || this.waiting) await (this.running ?? this.waiting?.promise)?.catch(() => {});
  }

  private next(): void {
    if (this.running || !this.waiting) return;
    const batch = this.waiting;
    this.waiting = undefined;
    this.running = this.save()
      .then(batch.resolve, batch.reject)
      .finally(() => {
        this.running = undefined;
        this.next();
      });
  }
}
