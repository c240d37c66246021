import useInterval from 'react-use/esm/useInterval';

/** How often the scaling views read the clusters again. */
export const SCALING_REFRESH_INTERVAL_MS = 30_000;

/** Calls `refresh` every interval while the page is visible. */
export function usePolling(
  refresh: () => void,
  intervalMs: number = SCALING_REFRESH_INTERVAL_MS,
) {
  useInterval(() => {
    if (typeof document === 'undefined' || !document.hidden) {
      refresh();
    }
  }, intervalMs);
}
