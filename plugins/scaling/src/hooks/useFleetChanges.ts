import { useSignal } from '@backstage/plugin-signals-react';
import {
  FLEET_SIGNAL_CHANNEL,
  FleetSignal,
} from '@meschain/backstage-plugin-scaling-common';
import { useEffect, useRef } from 'react';

/**
 * Calls `onChange` with the services whose cells the backend says changed,
 * once for each `scaling:fleet` signal. Tells whether signals are available
 * at all: without them, nothing is ever called.
 */
export function useFleetChanges(
  onChange: (entityRefs: string[]) => void,
): boolean {
  const { lastSignal, isSignalsAvailable } =
    useSignal<FleetSignal>(FLEET_SIGNAL_CHANNEL);
  const latest = useRef(onChange);
  latest.current = onChange;
  // useSignal keeps the last message: act on each message once.
  const handled = useRef<FleetSignal | null>(null);
  useEffect(() => {
    if (!lastSignal || lastSignal === handled.current) {
      return;
    }
    handled.current = lastSignal;
    if (lastSignal.type === 'changed') {
      latest.current([
        ...new Set(lastSignal.cells.map(cell => cell.entityRef)),
      ]);
    }
  }, [lastSignal]);
  return isSignalsAvailable;
}
