import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';
import { parseDuration } from '../opencost/window';
import type {
  AutoscalingSpec,
  ClusterSpec,
  DeploymentStrategyKind,
  DependencyKind,
  NodePoolSpec,
  ResourceSpec,
  ScalingPolicyKind,
  ServiceSpec,
} from './types';

/** The fleet file shipped with this package. */
export const DEFAULT_FLEET_PATH = resolve(
  require.resolve('@meschain/kube-sandbox/package.json'),
  '../fleet/default.yaml',
);

export interface Fleet {
  clusters: ClusterSpec[];
  /** How long the seeded workloads have been running when the sandbox starts, in ms (0: no past). */
  historyMs?: number;
}

type Quantities = { cpu: string; memory: string; pods: string };

/** The fleet file as written: shared presets, service templates and per-cluster choices. */
interface FleetFile {
  namespace?: string;
  history?: string;
  instanceTypes?: Record<
    string,
    { allocatable: Quantities; capacity?: Quantities; hourlyPrice?: number }
  >;
  scalingPresets?: Record<string, AutoscalingSpec>;
  customMetrics?: Record<string, Record<string, unknown>>;
  rolloutStrategies?: Record<string, Record<string, unknown>>;
  services?: Record<string, Omit<ServiceSpec, 'name'>>;
  resources?: Record<string, Omit<ResourceSpec, 'name'>>;
  clusters?: ClusterEntry[];
}

interface ClusterEntry
  extends Omit<ClusterSpec, 'nodePools' | 'services' | 'namespace'> {
  namespace?: string;
  nodePools: (Omit<NodePoolSpec, 'allocatable'> & {
    allocatable?: Quantities;
  })[];
  services: 'all' | ServiceChoice[];
}

/** A service of a cluster: a template's name plus what differs in this cluster. */
interface ServiceChoice extends Partial<Omit<ServiceSpec, 'autoscaling'>> {
  name: string;
  minReplicas?: number;
  maxReplicas?: number;
}

const DEPENDENCY_KINDS: readonly DependencyKind[] = [
  'database',
  'cache',
  'queue',
];
const STRATEGIES: readonly DeploymentStrategyKind[] = [
  'rolling',
  'canary',
  'blue-green',
  'ab',
];
const POLICIES: readonly ScalingPolicyKind[] = [
  'cpu',
  'memory',
  'requests',
  'custom',
  'none',
];

export class FleetError extends Error {
  constructor(message: string) {
    super(`invalid fleet file: ${message}`);
    this.name = 'FleetError';
  }
}

export function loadFleet(path: string = DEFAULT_FLEET_PATH): Fleet {
  return parseFleet(readFileSync(path, 'utf8'));
}

export function parseFleet(text: string): Fleet {
  const file = yaml.load(text) as FleetFile | undefined;
  if (!file || !Array.isArray(file.clusters) || file.clusters.length === 0) {
    throw new FleetError(
      'expected a `clusters` list with at least one cluster',
    );
  }
  const names = new Set<string>();
  const clusters = file.clusters.map((entry, i) => {
    if (!entry?.name) throw new FleetError(`clusters[${i}] has no name`);
    if (names.has(entry.name))
      throw new FleetError(`cluster "${entry.name}" is listed twice`);
    names.add(entry.name);
    return resolveCluster(file, entry);
  });
  return { clusters, historyMs: parseHistory(file.history) };
}

function parseHistory(history: unknown): number {
  if (history === undefined) return 0;
  const ms = typeof history === 'string' ? parseDuration(history) : undefined;
  if (ms === undefined)
    throw new FleetError(
      `history must be a duration such as 90d or 12h, got ${JSON.stringify(
        history,
      )}`,
    );
  return ms;
}

function resolveCluster(file: FleetFile, entry: ClusterEntry): ClusterSpec {
  const where = `cluster "${entry.name}"`;
  if (!entry.token) throw new FleetError(`${where} has no token`);
  if (
    !entry.prices ||
    !(entry.prices.cpuCoreHour >= 0) ||
    !(entry.prices.ramGiBHour >= 0)
  ) {
    throw new FleetError(
      `${where} needs prices.cpuCoreHour and prices.ramGiBHour`,
    );
  }
  const templates = file.services ?? {};
  const choices: ServiceChoice[] =
    entry.services === 'all'
      ? Object.keys(templates).map(name => ({ name }))
      : entry.services ?? [];
  const services = choices.map(choice => resolveService(file, choice, where));
  return {
    name: entry.name,
    region: entry.region ?? entry.name,
    location: entry.location,
    role: entry.role === 'dr' ? 'dr' : 'primary',
    drPartner: entry.drPartner,
    token: String(entry.token),
    prices: entry.prices,
    namespace: entry.namespace ?? file.namespace ?? 'default',
    nodePools: (entry.nodePools ?? []).map(pool =>
      resolveNodePool(file, pool, where),
    ),
    services,
    resources: resolveResources(file, services, where),
    display: entry.display,
  };
}

/** The resources the cluster's services depend on, each once, in the order first named. */
function resolveResources(
  file: FleetFile,
  services: readonly ServiceSpec[],
  where: string,
): ResourceSpec[] {
  const resources = new Map<string, ResourceSpec>();
  for (const service of services) {
    for (const name of service.dependsOn ?? []) {
      if (resources.has(name)) continue;
      const resource = file.resources?.[name];
      if (!resource)
        throw new FleetError(
          `${where}: service "${service.name}" depends on "${name}", which is not in \`resources\``,
        );
      if (!DEPENDENCY_KINDS.includes(resource.type))
        throw new FleetError(
          `resource "${name}" has type "${
            resource.type
          }"; expected one of ${DEPENDENCY_KINDS.join(', ')}`,
        );
      resources.set(name, { ...resource, name });
    }
  }
  return [...resources.values()];
}

function resolveNodePool(
  file: FleetFile,
  pool: ClusterEntry['nodePools'][number],
  where: string,
): NodePoolSpec {
  const type = file.instanceTypes?.[pool.instanceType];
  const allocatable = pool.allocatable ?? type?.allocatable;
  if (!allocatable)
    throw new FleetError(
      `${where}: node pool "${pool.name}" has an unknown instance type "${pool.instanceType}"`,
    );
  return {
    ...pool,
    allocatable,
    capacity: pool.capacity ?? type?.capacity ?? allocatable,
    hourlyPrice: pool.hourlyPrice ?? type?.hourlyPrice,
  };
}

function resolveService(
  file: FleetFile,
  choice: ServiceChoice,
  where: string,
): ServiceSpec {
  const template = file.services?.[choice.name];
  if (!template && !choice.image)
    throw new FleetError(
      `${where}: service "${choice.name}" has no template and no image`,
    );
  const { minReplicas, maxReplicas, ...overrides } = choice;
  const service = { ...template, ...overrides } as ServiceSpec;
  if (!STRATEGIES.includes(service.strategy)) {
    throw new FleetError(
      `${where}: service "${service.name}" has strategy "${
        service.strategy
      }"; expected one of ${STRATEGIES.join(', ')}`,
    );
  }
  service.scaling ??= 'none';
  if (!POLICIES.includes(service.scaling)) {
    throw new FleetError(
      `${where}: service "${service.name}" has scaling "${
        service.scaling
      }"; expected one of ${POLICIES.join(', ')}`,
    );
  }
  const autoscaling = resolveAutoscaling(file, service, where);
  if (autoscaling) {
    service.autoscaling = {
      ...autoscaling,
      minReplicas: minReplicas ?? autoscaling.minReplicas,
      maxReplicas: maxReplicas ?? autoscaling.maxReplicas,
    };
  }
  if (service.strategy !== 'rolling') {
    const strategy = file.rolloutStrategies?.[service.strategy];
    if (!strategy)
      throw new FleetError(
        `${where}: no rolloutStrategies entry for "${service.strategy}"`,
      );
    service.rolloutStrategy = substitute(strategy, service.name);
  }
  return service;
}

function resolveAutoscaling(
  file: FleetFile,
  service: ServiceSpec,
  where: string,
): AutoscalingSpec | undefined {
  if (service.scaling === 'none') return undefined;
  const preset = file.scalingPresets?.[service.scaling];
  if (!preset)
    throw new FleetError(
      `${where}: no scalingPresets entry for "${service.scaling}"`,
    );
  const custom = (service.customMetrics ?? []).map(name => {
    const metric = file.customMetrics?.[name];
    if (!metric)
      throw new FleetError(
        `${where}: service "${service.name}" lists unknown custom metric "${name}"`,
      );
    return metric;
  });
  const resolved = substitute(preset, service.name);
  return {
    ...resolved,
    metrics: [
      ...resolved.metrics,
      ...custom.map(m => substitute(m, service.name)),
    ],
  };
}

/** A deep copy of a preset with `$SERVICE` replaced by the service's name. */
function substitute<T>(value: T, serviceName: string): T {
  return JSON.parse(
    JSON.stringify(value).replace(/\$SERVICE/g, serviceName),
  ) as T;
}
