import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { DependencyList, useCallback, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { SCALING_REFRESH_INTERVAL_MS, usePolling } from './usePolling';
import { useWriteListener } from './writeSignal';

/**
 * How long after a write its views keep reading quickly: the clusters'
 * controllers act on it a moment later (an HPA rescales within its 15 s sync
 * period, a rollout moves on), and the backend keeps an answer for 3 s.
 */
export const WRITE_FOLLOW_UP_MS = 20_000;

/** How often a view reads while it follows a write. */
export const WRITE_FOLLOW_UP_INTERVAL_MS = 2_000;

/** How a {@link useLiveRead} view stays current. */
export interface LiveReadOptions {
  /** How often to read again; 30 s unless said. */
  intervalMs?: number;
  /**
   * Whose writes make the answer stale: one entity's, `'any'` entity's for a
   * fleet-wide view, or `'none'` for data that no write of the suite changes.
   */
  writes: CompoundEntityRef | 'any' | 'none';
}

/** The state of a {@link useLiveRead} view. */
export interface LiveReadState<T> {
  /** The last answer; kept on screen while the next one is read. */
  value?: T;
  error?: Error;
  loading: boolean;
  /** When the last answer arrived (epoch ms). */
  readAt?: number;
  /** Reads again now, even while a read is under way: the later answer wins. */
  retry: () => void;
  /** Whether the view is following a write with quick reads. */
  followingWrite: boolean;
}

/**
 * Reads once, again every interval while the page is visible, and at once
 * after a write that changes what it shows; then every 2 s for the next 20 s
 * while the clusters act on that write.
 */
export function useLiveRead<T>(
  read: () => Promise<T>,
  deps: DependencyList,
  options: LiveReadOptions,
): LiveReadState<T> {
  const { intervalMs = SCALING_REFRESH_INTERVAL_MS, writes } = options;
  const [attempt, setAttempt] = useState(0);
  const [followUntil, setFollowUntil] = useState<number>();
  // `read` is a new closure on every render: `deps` say when it reads something else.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stamped = useCallback(read, deps);
  const state = useAsync(
    async () => ({ answer: await stamped(), readAt: Date.now() }),
    [stamped, attempt],
  );
  const retry = useCallback(() => setAttempt(current => current + 1), []);

  let scope: string;
  if (writes === 'any' || writes === 'none') {
    scope = writes;
  } else {
    scope = stringifyEntityRef(writes);
  }
  useWriteListener(scope, () => {
    retry();
    setFollowUntil(Date.now() + WRITE_FOLLOW_UP_MS);
  });

  const followingWrite = followUntil !== undefined;
  usePolling(
    () => {
      if (followUntil !== undefined && Date.now() >= followUntil) {
        setFollowUntil(undefined);
      }
      retry();
    },
    followingWrite
      ? Math.min(WRITE_FOLLOW_UP_INTERVAL_MS, intervalMs)
      : intervalMs,
  );

  return {
    value: state.value?.answer,
    error: state.error,
    loading: state.loading,
    readAt: state.value?.readAt,
    retry,
    followingWrite,
  };
}
