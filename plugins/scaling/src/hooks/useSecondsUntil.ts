import { useMemo, useState } from 'react';
import useInterval from 'react-use/esm/useInterval';

/**
 * The whole seconds left until `deadline`, ticking every second; undefined
 * without one. With `observedAt`, the server's time when it read the deadline,
 * it counts from that reading rather than trusting the browser's clock.
 */
export function useSecondsUntil(
  deadline: string | undefined,
  observedAt?: string,
): number | undefined {
  const [, setTick] = useState(0);
  const end = useMemo(() => {
    if (!deadline) {
      return undefined;
    }
    const observed = observedAt ? Date.parse(observedAt) : NaN;
    return Number.isNaN(observed)
      ? Date.parse(deadline)
      : Date.now() + (Date.parse(deadline) - observed);
  }, [deadline, observedAt]);
  const left =
    end === undefined
      ? undefined
      : Math.max(0, Math.ceil((end - Date.now()) / 1000));
  useInterval(() => setTick(tick => tick + 1), left ? 1000 : null);
  return left;
}
