import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FleetOverview } from '@meschain/backstage-plugin-scaling-common';
import { FleetQuery, fleetApiRef } from '../api';
import { useFleetChanges } from './useFleetChanges';
import { SCALING_REFRESH_INTERVAL_MS, usePolling } from './usePolling';
import { useWriteListener } from './writeSignal';

/**
 * How often a fleet view reads everything again while signals bring the
 * changes: only for what no cluster watch sees at once, such as cost.
 */
export const FLEET_SIGNALLED_REFRESH_MS = 5 * 60_000;

/** How long signals are gathered before the fleet is read again for them. */
export const FLEET_SIGNAL_COALESCE_MS = 500;

/**
 * When the fleet is read again after a write from the page without signals:
 * the backend's snapshot follows the clusters' watches, and controllers act
 * on a write a moment later. With signals, they say when.
 */
export const FLEET_WRITE_FOLLOW_UPS_MS = [0, 2_000, 5_000, 10_000, 20_000];

/**
 * Whether a change to these services can change what the view shows: when
 * one of them is on screen, or when a health filter may now let one in.
 */
export function concernsView(
  fleet: FleetOverview | undefined,
  query: FleetQuery,
  entityRefs: string[],
): boolean {
  if (!fleet || (query.healths?.length ?? 0) > 0) {
    return true;
  }
  const shown = new Set(fleet.services.map(service => service.entityRef));
  return entityRefs.some(entityRef => shown.has(entityRef));
}

/** The state of a {@link useFleet} view. */
export interface FleetState {
  /** The last answer; kept on screen while the next one is read. */
  fleet?: FleetOverview;
  error?: Error;
  loading: boolean;
  /** When the last whole answer arrived (epoch ms). */
  readAt?: number;
  /** Whether changes arrive through signals; else the view polls every 30 s. */
  live: boolean;
  /** Reads the whole fleet again now. */
  retry: () => void;
  /** Reads the fleet again in a moment if these services are on screen. */
  refreshServices: (entityRefs: string[]) => void;
}

/**
 * The fleet matching `query` (nothing is read while it is undefined). A
 * signal on `scaling:fleet` naming a service on screen, or a write from the
 * page, reads it again; without signals, it is read every 30 s.
 */
export function useFleet(query: FleetQuery | undefined): FleetState {
  const fleetApi = useApi(fleetApiRef);
  const [state, setState] = useState<{
    fleet?: FleetOverview;
    error?: Error;
    loading: boolean;
    readAt?: number;
  }>({ loading: true });
  // Reads may overlap while signals arrive: each has a number, and an answer
  // is shown only if it is to the query on screen and newer than the one shown.
  const sequence = useRef(0);
  const shown = useRef(0);
  const key = query && JSON.stringify(query);
  const currentKey = useRef(key);
  currentKey.current = key;
  // The query, stable while its content is: `key` says when it changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableQuery = useCallback(() => query, [key]);

  const readAll = useCallback(async () => {
    const current = stableQuery();
    if (!current) {
      return;
    }
    sequence.current += 1;
    const mine = sequence.current;
    const forKey = JSON.stringify(current);
    const isNewest = () => {
      if (forKey !== currentKey.current || mine < shown.current) {
        return false;
      }
      shown.current = mine;
      return true;
    };
    setState(previous => ({ ...previous, loading: true }));
    try {
      const fleet = await fleetApi.getFleet(current);
      if (isNewest()) {
        setState({ fleet, loading: false, readAt: Date.now() });
      }
    } catch (error) {
      if (isNewest()) {
        setState(previous => ({
          ...previous,
          error: error as Error,
          loading: false,
        }));
      }
    }
  }, [fleetApi, stableQuery]);

  useEffect(() => {
    // Another query shows other services: never the last query's.
    setState({ loading: true });
    readAll();
  }, [readAll]);

  // The fleet route answers whole queries: the services a change names are
  // read again with the rest, once for the changes of a short while.
  const latestFleet = useRef(state.fleet);
  latestFleet.current = state.fleet;
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const readServices = useCallback(
    (entityRefs: string[]) => {
      const current = stableQuery();
      if (
        !current ||
        timer.current !== undefined ||
        !concernsView(latestFleet.current, current, entityRefs)
      ) {
        return;
      }
      timer.current = setTimeout(() => {
        timer.current = undefined;
        readAll();
      }, FLEET_SIGNAL_COALESCE_MS);
    },
    [stableQuery, readAll],
  );
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      timer.current = undefined;
    },
    [readServices],
  );

  const isSignalsAvailable = useFleetChanges(readServices);

  const followUps = useRef(new Set<ReturnType<typeof setTimeout>>());
  useWriteListener('any', entityRef => {
    const delays = isSignalsAvailable ? [0] : FLEET_WRITE_FOLLOW_UPS_MS;
    for (const delay of delays) {
      const followUp = setTimeout(() => {
        followUps.current.delete(followUp);
        readServices([entityRef]);
      }, delay);
      followUps.current.add(followUp);
    }
  });
  useEffect(() => {
    const scheduled = followUps.current;
    return () => scheduled.forEach(followUp => clearTimeout(followUp));
  }, []);

  usePolling(
    readAll,
    isSignalsAvailable
      ? FLEET_SIGNALLED_REFRESH_MS
      : SCALING_REFRESH_INTERVAL_MS,
  );

  return {
    ...state,
    live: isSignalsAvailable,
    retry: readAll,
    refreshServices: readServices,
  };
}
