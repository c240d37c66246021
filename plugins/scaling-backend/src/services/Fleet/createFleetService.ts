import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { toError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  FLEET_SIGNAL_CHANNEL,
  FleetCell,
  FleetCellRef,
  FleetHealth,
  FleetOverview,
  FleetSignal,
  fleetGoldenSignalQuery,
  Region,
  ServiceSlo,
} from '@meschain/backstage-plugin-scaling-common';
import {
  MetricsSource,
  RegionCatalog,
} from '@meschain/backstage-plugin-scaling-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { ClusterDirectory, KubernetesClients } from '../Clusters';
import { CostStore } from '../Cost/store';
import { createCallerScopedCache } from '../EntityScalingFacts';
import { RegionsService } from '../Regions';
import { ClusterStateCache, clusterStateCacheKey } from '../ScalingState';
import { ClusterSnapshot, SnapshotChange } from './clusterSnapshot';
import { CellReading, readCell } from './fleetCell';
import {
  FleetEntry,
  FleetEntryIndex,
  readFleetEntries,
} from './fleetDirectory';
import { FleetSettings } from './fleetSettings';
import { goldenSignalsCheck } from '../Health/checks/goldenSignalsCheck';
import { objectivesOf } from '../Health/readSloStatus';

export type FleetFilter = {
  owner?: string[];
  system?: string[];
  tier?: string[];
  health?: FleetHealth[];
};

/** The fleet grid, read from snapshots the cluster watches keep current. */
export interface FleetService {
  getFleet(
    filter: FleetFilter,
    options: { credentials: BackstageCredentials },
  ): Promise<FleetOverview>;
  /** Allows the watches, which start with the first read. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const HEALTH_ORDER: FleetHealth[] = ['fail', 'warn', 'unknown', 'pass'];
const COST_DAYS = 7;
const VISIBLE_ENTRIES_MS = 10_000;
const CELL_SIGNALS = ['requestRate', 'errorRatio', 'latencyP95'] as const;
type CellSignals = Record<(typeof CELL_SIGNALS)[number], number | null>;

const normalizedRefs = (refs: string[] | undefined, defaultKind: string) =>
  refs &&
  new Set(
    refs.map(ref =>
      stringifyEntityRef(
        parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
      ),
    ),
  );

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function createFleetService(options: {
  regionCatalog: RegionCatalog;
  catalog: CatalogService;
  auth: AuthService;
  clusters: ClusterDirectory;
  kubernetes: KubernetesClients;
  stateCache: ClusterStateCache;
  regions: RegionsService;
  costStore?: Pick<CostStore, 'entityTotals'>;
  signals?: SignalsService;
  /** Where the cells' golden signals are read; without it, cells show the clusters' reading only. */
  metrics?: MetricsSource;
  health?: { rateWindow: string; sloDefaults: Partial<ServiceSlo> };
  logger: LoggerService;
  clusterTimeoutMs: number;
  settings: FleetSettings;
}): FleetService {
  const { regionCatalog, catalog, auth, clusters, kubernetes, logger } =
    options;
  const { settings } = options;
  const snapshots = new Map<string, ClusterSnapshot>();
  const clusterErrors = new Map<string, string>();
  const regionOfCluster = new Map<string, string>();
  let entryIndex = new FleetEntryIndex([]);
  /** `${kubernetesId or entityRef}|${primary region}` → verdict. */
  let drVerdicts = new Map<string, FleetCell['dr']>();
  let costPerHour = new Map<string, number>();
  /** `${kubernetesId}|${region}` → the cell's golden signals, read for the whole fleet at once. */
  let goldenSignals = new Map<string, CellSignals>();
  let pendingCells = new Map<string, FleetCellRef>();
  /**
   * Each cluster's readings by workload query, dropped when a watched object
   * of the query changes, so that a read computes only what changed. They
   * also expire, for a service the entry index does not know yet.
   */
  const readings = new Map<
    string,
    Map<string, { reading: CellReading; at: number }>
  >();
  const queryKey = (entry: FleetEntry) =>
    `${entry.query.namespace ?? ''}|${entry.query.labelSelector}`;

  function readingOf(snapshot: ClusterSnapshot, entry: FleetEntry) {
    let cluster = readings.get(snapshot.clusterName);
    if (!cluster) readings.set(snapshot.clusterName, (cluster = new Map()));
    const key = queryKey(entry);
    const now = Date.now();
    const cached = cluster.get(key);
    if (cached && now - cached.at < settings.catalogRefreshMs) {
      return cached.reading;
    }
    const reading = readCell(snapshot, entry.query);
    cluster.set(key, { reading, at: now });
    return reading;
  }
  /** Whole cells of regions that answer, dropped with their readings or when DR or cost is read again. */
  const cellCache = new Map<
    string,
    { cell: FleetCell | undefined; at: number }
  >();
  const cellKey = (entry: FleetEntry, region: string) =>
    `${entry.entityRef}|${region}|${queryKey(entry)}`;
  let flushTimer: NodeJS.Timeout | undefined;
  const timers: NodeJS.Timeout[] = [];
  let stopped = true;

  async function publishPending() {
    flushTimer = undefined;
    const cells = [...pendingCells.values()];
    pendingCells = new Map();
    if (cells.length === 0 || !options.signals) return;
    const message: FleetSignal = {
      type: 'changed',
      cells,
      at: new Date().toISOString(),
    };
    try {
      await options.signals.publish({
        recipients: { type: 'broadcast' },
        channel: FLEET_SIGNAL_CHANNEL,
        message,
      });
    } catch (error) {
      logger.warn('Could not publish a fleet signal', {
        error: toError(error).message,
      });
    }
  }

  function onChange(clusterName: string, changes: SnapshotChange[]) {
    const snapshot = snapshots.get(clusterName);
    const region = regionOfCluster.get(clusterName);
    if (!snapshot || !region) return;
    for (const change of changes) {
      const owner = snapshot.ownerOf(change) ?? change.object;
      const entries = entryIndex.entriesSelecting({
        namespace: owner.metadata.namespace,
        labels: owner.metadata.labels,
      });
      for (const entry of entries) {
        readings.get(clusterName)?.delete(queryKey(entry));
        cellCache.delete(cellKey(entry, region));
        pendingCells.set(`${entry.entityRef}|${region}`, {
          entityRef: entry.entityRef,
          region,
        });
        // So that the entity pages, which read through the cache, see it too.
        options.stateCache
          .evict(clusterStateCacheKey(clusterName, entry.query))
          .catch(() => undefined);
      }
    }
    if (pendingCells.size > 0 && !flushTimer) {
      flushTimer = setTimeout(publishPending, settings.signalBatchMs);
    }
  }

  async function syncClusters() {
    const regions = await regionCatalog.listRegions();
    for (const region of regions) {
      for (const clusterName of region.clusters) {
        regionOfCluster.set(clusterName, region.id);
        if (snapshots.has(clusterName)) continue;
        try {
          const cluster = await clusters.getCluster(clusterName);
          const snapshot = new ClusterSnapshot({
            cluster,
            client: kubernetes.forCluster(cluster),
            logger,
            timeoutMs: options.clusterTimeoutMs,
            probeIntervalMs: settings.probeIntervalMs,
            watchSeconds: settings.watchSeconds,
            onChange: changes => onChange(clusterName, changes),
          });
          snapshots.set(clusterName, snapshot);
          clusterErrors.delete(clusterName);
          if (!stopped) snapshot.start();
        } catch (error) {
          clusterErrors.set(clusterName, toError(error).message);
        }
      }
    }
  }

  async function refreshEntries() {
    const credentials = await auth.getOwnServiceCredentials();
    entryIndex = new FleetEntryIndex(
      await readFleetEntries(catalog, credentials),
    );
  }

  async function refreshDr() {
    const credentials = await auth.getOwnServiceCredentials();
    const overview = await options.regions.getOverview({ credentials });
    const verdicts = new Map<string, FleetCell['dr']>();
    for (const service of overview.dr.services) {
      const verdict = service.verdict === 'pass' ? 'ready' : 'not-ready';
      verdicts.set(`${service.kubernetesId}|${service.primaryRegion}`, verdict);
      if (service.entityRef) {
        verdicts.set(`${service.entityRef}|${service.primaryRegion}`, verdict);
      }
    }
    drVerdicts = verdicts;
    cellCache.clear();
  }

  async function refreshCost() {
    if (!options.costStore) return;
    const end = new Date();
    const start = new Date(end.getTime() - COST_DAYS * 86_400_000);
    const totals = await options.costStore.entityTotals(undefined, {
      start: isoDay(start),
      end: isoDay(end),
    });
    const next = new Map<string, number>();
    for (const total of totals) {
      const key = `${total.entityRef}|${total.region}`;
      next.set(key, (next.get(key) ?? 0) + total.total / (COST_DAYS * 24));
    }
    costPerHour = next;
    cellCache.clear();
  }

  /**
   * One query per signal and region for every service: running each
   * service's health checks would not keep up with a fleet of thousands.
   */
  async function refreshGoldenSignals() {
    const { metrics, health } = options;
    if (!metrics || !health) return;
    const regions = await regionCatalog.listRegions();
    const next = new Map<string, CellSignals>();
    const signalOf = (key: string) => {
      let signals = next.get(key);
      if (!signals) {
        signals = { requestRate: null, errorRatio: null, latencyP95: null };
        next.set(key, signals);
      }
      return signals;
    };
    const failures: string[] = [];
    await Promise.all(
      regions.flatMap(region =>
        CELL_SIGNALS.map(async signal => {
          try {
            const samples = await metrics.query(
              fleetGoldenSignalQuery(signal, health.rateWindow),
              { region: region.id },
            );
            for (const { labels, value } of samples) {
              // A ratio without traffic is NaN: no figure rather than a wrong one.
              if (labels.region !== region.id || !Number.isFinite(value)) {
                continue;
              }
              signalOf(`${labels.service}|${region.id}`)[signal] = value;
            }
          } catch (error) {
            failures.push(toError(error).message);
          }
        }),
      ),
    );
    goldenSignals = next;
    cellCache.clear();
    if (failures.length > 0) throw new Error(failures.join('; '));
  }

  function every(what: string, ms: number, run: () => Promise<void>) {
    const tick = () =>
      run().catch(error =>
        logger.warn(`Could not refresh the fleet's ${what}`, {
          error: toError(error).message,
        }),
      );
    tick();
    timers.push(setInterval(tick, ms));
  }

  /**
   * The watches start with the first read of the fleet, not with the
   * backend: a backend whose fleet nobody opens lists no cluster. That read
   * waits for the first lists, up to the cluster timeout.
   */
  let watching: Promise<void> | undefined;
  function startWatching(): Promise<void> {
    if (stopped) return Promise.resolve();
    watching ??= (async () => {
      await syncClusters().catch(error =>
        logger.warn('Could not list the fleet clusters', {
          error: toError(error).message,
        }),
      );
      every('entities', settings.catalogRefreshMs, refreshEntries);
      every('clusters', settings.catalogRefreshMs, syncClusters);
      every('DR verdicts', settings.drRefreshMs, refreshDr);
      every('cost', settings.costRefreshMs, refreshCost);
      every('golden signals', settings.signalsRefreshMs, refreshGoldenSignals);
      const deadline = Date.now() + options.clusterTimeoutMs;
      while (
        Date.now() < deadline &&
        [...snapshots.values()].some(snapshot => !snapshot.ready)
      ) {
        await new Promise(resolve => setTimeout(resolve, 20));
      }
    })();
    return watching;
  }

  /**
   * What each caller may see of the catalog, for a few seconds: a page
   * reads the fleet again on every signal, and the catalog need not list
   * 2,000 entities each time.
   */
  const visibleEntries = createCallerScopedCache<FleetEntry[]>({
    ttlMs: VISIBLE_ENTRIES_MS,
  });
  const entriesFor = (credentials: BackstageCredentials) =>
    visibleEntries.get(credentials, 'fleet entries', () =>
      readFleetEntries(catalog, credentials),
    );

  function regionError(region: Region): string | undefined {
    for (const clusterName of region.clusters) {
      const error =
        clusterErrors.get(clusterName) ??
        snapshots.get(clusterName)?.error ??
        (snapshots.has(clusterName) ? undefined : 'not located yet');
      if (error) return `Region ${region.id}: ${error}`;
    }
    return undefined;
  }

  function cellOf(
    entry: FleetEntry,
    region: Region,
    error: string | undefined,
  ): FleetCell | undefined {
    if (error) return readCellOf(entry, region, error);
    const key = cellKey(entry, region.id);
    const now = Date.now();
    const cached = cellCache.get(key);
    if (cached && now - cached.at < settings.catalogRefreshMs) {
      return cached.cell;
    }
    const cell = readCellOf(entry, region, undefined);
    cellCache.set(key, { cell, at: now });
    return cell;
  }

  function readCellOf(
    entry: FleetEntry,
    region: Region,
    error: string | undefined,
  ): FleetCell | undefined {
    const cellReadings: CellReading[] = [];
    let observedAt: string | undefined;
    for (const clusterName of region.clusters) {
      const snapshot = snapshots.get(clusterName);
      if (!snapshot?.ready) continue;
      cellReadings.push(readingOf(snapshot, entry));
      observedAt = snapshot.observedAt ?? observedAt;
    }
    const deployed = cellReadings.filter(reading => reading.deployed);
    const expected =
      entry.regions.length === 0 || entry.regions.includes(region.id);
    // A region the service does not run in has no cell, unless its
    // annotation says it should or the region could not be read.
    if (
      deployed.length === 0 &&
      !entry.regions.includes(region.id) &&
      !(error && expected)
    ) {
      return undefined;
    }
    const shown = deployed.length > 0 ? deployed : cellReadings;
    const worst = shown
      .map(reading => reading.health)
      .sort((a, b) => HEALTH_ORDER.indexOf(a) - HEALTH_ORDER.indexOf(b))[0];
    const first = shown.find(reading => reading.health === worst) ?? shown[0];
    const kubernetesId = entry.query.labelSelector.split('=')[1];
    const cell: FleetCell = {
      region: region.id,
      cluster: region.clusters.join(', '),
      health: first ? worst : 'unknown',
      healthSummary: first?.healthSummary ?? error ?? 'Not read yet',
      replicas: {
        desired: shown.reduce((sum, r) => sum + r.replicas.desired, 0),
        ready: shown.reduce((sum, r) => sum + r.replicas.ready, 0),
      },
      hpa: shown.find(reading => reading.hpa)?.hpa ?? null,
      costPerHour: costPerHour.get(`${entry.entityRef}|${region.id}`) ?? null,
      rollout: shown.find(reading => reading.rollout)?.rollout ?? null,
      dr:
        region.role === 'primary'
          ? drVerdicts.get(`${entry.entityRef}|${region.id}`) ??
            drVerdicts.get(`${kubernetesId}|${region.id}`) ??
            'n/a'
          : 'n/a',
    };
    const signals = goldenSignals.get(`${kubernetesId}|${region.id}`);
    if (signals && options.health) {
      const check = goldenSignalsCheck({
        region: region.id,
        signals: {
          ...signals,
          latencyP50: null,
          latencyP99: null,
          cpuSaturation: null,
          memorySaturation: null,
        },
        slo: objectivesOf(entry.entity, options.health.sloDefaults).slo,
        rateWindow: options.health.rateWindow,
        checkedAt: new Date().toISOString(),
      });
      if (
        HEALTH_ORDER.indexOf(check.status) < HEALTH_ORDER.indexOf(cell.health)
      ) {
        cell.health = check.status;
        cell.healthSummary = check.summary;
      }
    }
    if (error) {
      // The figures are the last ones seen: say when that was.
      cell.error = error;
      cell.observedAt = observedAt;
    }
    return cell;
  }

  return {
    async start() {
      stopped = false;
    },

    async stop() {
      stopped = true;
      watching = undefined;
      timers.splice(0).forEach(clearInterval);
      if (flushTimer) clearTimeout(flushTimer);
      await Promise.all([...snapshots.values()].map(s => s.stop()));
      snapshots.clear();
    },

    async getFleet(filter, { credentials }) {
      await startWatching();
      const generatedAt = new Date().toISOString();
      const [regions, entries] = await Promise.all([
        regionCatalog.listRegions(),
        entriesFor(credentials),
      ]);
      const owners = normalizedRefs(filter.owner, 'group');
      const systems = normalizedRefs(filter.system, 'system');
      const tiers = filter.tier && new Set(filter.tier);
      const healths = filter.health && new Set(filter.health);
      const errors = new Map(
        regions.map(region => [region.id, regionError(region)]),
      );

      const services: FleetOverview['services'] = [];
      for (const entry of entries) {
        if (owners && !(entry.owner && owners.has(entry.owner))) continue;
        if (systems && !(entry.system && systems.has(entry.system))) continue;
        if (tiers && !tiers.has(entry.tier ?? 'standard')) continue;
        const cells = regions.flatMap(
          region => cellOf(entry, region, errors.get(region.id)) ?? [],
        );
        if (healths && !cells.some(cell => healths.has(cell.health))) continue;
        services.push({
          entityRef: entry.entityRef,
          title: entry.title,
          owner: entry.owner,
          system: entry.system,
          tier: entry.tier,
          regions: cells,
        });
      }
      services.sort(
        (a, b) =>
          a.title.localeCompare(b.title) ||
          a.entityRef.localeCompare(b.entityRef),
      );
      return {
        services,
        regions: regions.map(region => region.id),
        generatedAt,
      };
    },
  };
}
