import { Config } from '@backstage/config';
import { readMilliseconds } from '../Clusters';

/** How the fleet snapshot is kept current. */
export type FleetSettings = {
  /** How often each cluster is asked whether it still answers. */
  probeIntervalMs: number;
  /** How long one watch runs before it is resumed. */
  watchSeconds: number;
  /** How long changes are gathered into one signal. */
  signalBatchMs: number;
  /** How often the catalog's services and the region catalog's clusters are read again. */
  catalogRefreshMs: number;
  drRefreshMs: number;
  costRefreshMs: number;
  /** How often every cell's golden signals are read again from the metrics source. */
  signalsRefreshMs: number;
};

export function readFleetSettings(config: Config): FleetSettings {
  const ms = (key: string, defaultMs: number) =>
    readMilliseconds(config, `scaling.fleet.${key}`, { defaultMs, min: 10 });
  return {
    probeIntervalMs: ms('probeIntervalMs', 5_000),
    watchSeconds: config.getOptionalNumber('scaling.fleet.watchSeconds') ?? 300,
    signalBatchMs: ms('signalBatchMs', 250),
    catalogRefreshMs: ms('catalogRefreshMs', 30_000),
    drRefreshMs: ms('drRefreshMs', 60_000),
    costRefreshMs: ms('costRefreshMs', 600_000),
    signalsRefreshMs: ms('signalsRefreshMs', 30_000),
  };
}
