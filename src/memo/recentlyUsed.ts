/**
 * A Map that keeps its `limit` most recently used entries: for memos of pure functions whose
 * inputs repeat (a key per request body, a formatted reference list), where recomputing a dropped
 * entry is only slower, never wrong.
 */
export class RecentlyUsed<K, V> {
  private readonly entries = new Map<K, V>()

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key)
    if (value !== undefined) {
      // Most recently used last, so the bound drops the coldest.
      this.entries.delete(key)
      this.entries.set(key, value)
    }
    return value
  }

  set(key: K, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K)
  }

  get size(): number {
    return this.entries.size
  }
}
