import type { Simulation } from './sim/simulation'

/** Real milliseconds between timer ticks when the clock runs by itself. */
const TICK_MS = 250
/** Bounded work per tick: after a stall the clock catches up at most this much real time. */
const MAX_CATCH_UP_MS = 1000

/**
 * The simulated clock. speed = simulated ms per real ms (60: an hour per minute); 0 freezes
 * it so that only advance() moves it — what deterministic tests use.
 */
export class SimClock {
  private timer: NodeJS.Timeout | null = null
  private lastTick = 0

  constructor(
    private readonly sim: Simulation,
    private currentSpeed: number,
    private readonly afterAdvance: () => void,
  ) {
    this.setSpeed(currentSpeed)
  }

  now(): number {
    return this.sim.now
  }

  get speed(): number {
    return this.currentSpeed
  }

  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError('advance() takes milliseconds ≥ 0')
    this.sim.advanceTo(this.sim.now + ms)
    this.afterAdvance()
  }

  setSpeed(speed: number): void {
    this.currentSpeed = speed
    this.stop()
    if (speed <= 0) return
    this.lastTick = performance.now()
    this.timer = setInterval(() => {
      const real = performance.now()
      const elapsed = Math.min(real - this.lastTick, MAX_CATCH_UP_MS)
      this.lastTick = real
      this.advance(Math.round(elapsed * this.currentSpeed))
    }, TICK_MS)
    // The demo insurer's server keeps the process alive, not its clock.
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
