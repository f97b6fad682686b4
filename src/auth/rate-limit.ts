/** Counts events per key in a sliding window; in memory, per process. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** True when `key` has reached its limit within the window (without counting this call). */
  blocked(key: string, now = Date.now()): boolean {
    return this.recent(key, now).length >= this.limit;
  }

  /** Records one event for `key`. */
  hit(key: string, now = Date.now()): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.hits.set(key, recent);
    // Forget idle keys now and then so the map cannot grow without bound.
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.every((t) => now - t > this.windowMs)) this.hits.delete(k);
  }

  /** Forgets `key` (after a successful login). */
  reset(key: string): void {
    this.hits.delete(key);
  }

  /** Seconds until `key` may try again. */
  retryAfter(key: string, now = Date.now()): number {
    const first = this.recent(key, now)[0];
    return first === undefined ? 0 : Math.ceil((first + this.windowMs - now) / 1000);
  }

  private recent(key: string, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }
}
