import type { SimClock } from './clock';
import type { ClusterSimulation } from './cluster/types';

/** The simulation is ticked after every simulated second at most. */
const MAX_STEP_MS = 1000;
/** How often the real-time driver advances the clock. */
const DRIVER_INTERVAL_MS = 200;

/** Moves the clock forward in steps of at most 1 s, ticking every simulation after each step. */
export function createAdvance(
  clock: SimClock,
  simulations: readonly ClusterSimulation[],
): (ms: number) => void {
  return (ms: number) => {
    let remaining = ms;
    do {
      const step = Math.min(MAX_STEP_MS, remaining);
      clock.advance(step);
      remaining -= step;
      for (const simulation of simulations) simulation.tick(clock.now());
    } while (remaining > 0);
  };
}

/** Advances simulated time by real elapsed time × speed; the only reader of the real clock. */
export function startRealTimeDriver(
  clock: SimClock,
  advance: (ms: number) => void,
): { stop(): void } {
  let last = performance.now();
  let carry = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const elapsed = (now - last) * clock.speed + carry;
    last = now;
    const whole = Math.floor(elapsed);
    carry = elapsed - whole;
    if (whole <= 0) return;
    try {
      advance(whole);
    } catch (error) {
      // A controller failure must not stop the API; it is reported and time moves on.
      // eslint-disable-next-line no-console
      console.error('kube-sandbox: simulation tick failed', error);
    }
  }, DRIVER_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
