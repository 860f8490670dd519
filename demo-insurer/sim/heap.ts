/** A task due at a simulated instant; `seq` breaks ties in insertion order (determinism). */
export interface Task<A> {
  at: number
  seq: number
  action: A
}

/** Binary min-heap on (at, seq): the simulation's agenda. */
export class TaskHeap<A> {
  private readonly items: Task<A>[] = []
  private counter = 0

  get size(): number {
    return this.items.length
  }

  push(at: number, action: A): void {
    const items = this.items
    items.push({ at, seq: this.counter++, action })
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(items[i] as Task<A>, items[parent] as Task<A>)) break
      swap(items, i, parent)
      i = parent
    }
  }

  peek(): Task<A> | undefined {
    return this.items[0]
  }

  pop(): Task<A> | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (top === undefined || last === undefined || items.length === 0) return top
    items[0] = last
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < items.length && before(items[l] as Task<A>, items[m] as Task<A>)) m = l
      if (r < items.length && before(items[r] as Task<A>, items[m] as Task<A>)) m = r
      if (m === i) break
      swap(items, i, m)
      i = m
    }
    return top
  }
}

function before<A>(a: Task<A>, b: Task<A>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq)
}

function swap<T>(items: T[], i: number, j: number): void {
  const t = items[i] as T
  items[i] = items[j] as T
  items[j] = t
}
