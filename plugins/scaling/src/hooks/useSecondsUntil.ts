import { useState } from 'react';
import useInterval from 'react-use/esm/useInterval';

function secondsUntil(deadline: string | undefined): number | undefined {
  if (!deadline) {
    return undefined;
  }
  return Math.max(
    0,
    Math.ceil((new Date(deadline).getTime() - Date.now()) / 1000),
  );
}

/** The whole seconds left until `deadline`, ticking every second; undefined without one. */
export function useSecondsUntil(deadline: string | undefined) {
  const [, setTick] = useState(0);
  const left = secondsUntil(deadline);
  useInterval(() => setTick(tick => tick + 1), left ? 1000 : null);
  return left;
}
