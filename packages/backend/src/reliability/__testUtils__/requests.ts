import { Schema, WriteMethod, WriteOperation } from './spec';

/** A call of the scaling API, relative to its base (`/api/scaling`). */
export interface ApiRequest {
  method: WriteMethod | 'get';
  /** The contract's path with its parameters filled in, each encoded. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent as is with a JSON content type, for bodies that are not JSON. */
  rawBody?: string;
}

/** A request's parts before its path is filled in, so that a fuzzer can change any one of them. */
export interface RequestParts {
  params: Record<string, string>;
  query: Record<string, string>;
  body?: unknown;
}

/** The fleet and catalog the requests name: a service of the caller's team and its clusters. */
export interface RequestContext {
  /** A Deployment-backed service owned by the caller's team. */
  service: string;
  /** Its team, as a group entity ref. */
  team: string;
  /** The namespace its workloads run in. */
  workloadNamespace: string;
  /** One of its regions, and that region's cluster name. */
  region: string;
  cluster: string;
}

export function buildRequest(
  operation: WriteOperation,
  parts: RequestParts,
): ApiRequest {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(parts.params[name] ?? ''),
  );
  return {
    method: operation.method,
    path,
    query: parts.query,
    ...(operation.body && { body: parts.body }),
  };
}

const CPU_POLICY = {
  minReplicas: 2,
  maxReplicas: 10,
  targets: [{ kind: 'cpu', averageUtilization: 70, scaleDownBelow: 30 }],
};

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * Bodies that the backend accepts up to its last check, one per endpoint whose contract leaves
 * the body to the domain model (alert rules, windows, reports); the fuzzer spoils one field at a
 * time, so every other field must be right. Stale resource versions and dry runs keep an
 * accepted body from changing a cluster.
 */
function knownBodies(context: RequestContext): Record<string, unknown> {
  const workload = {
    kind: 'Deployment',
    namespace: context.workloadNamespace,
    name: context.service,
  };
  return {
    ActOnRollout: { cluster: context.cluster, workload, action: 'restart' },
    ScaleWorkload: {
      cluster: context.cluster,
      workload,
      replicas: 3,
      resourceVersion: '1',
    },
    SetAutoscalerBounds: {
      cluster: context.cluster,
      workload,
      minReplicas: 2,
      maxReplicas: 6,
    },
    ApplyScalingPolicy: {
      regions: [context.region],
      dryRun: true,
      policy: CPU_POLICY,
    },
    SimulateScalingPolicy: {
      policy: CPU_POLICY,
      region: context.region,
      days: 1,
    },
    BackfillCost: {
      start: day(-2),
      end: day(-1),
      clusters: [context.cluster],
    },
    CreateAlertRule: alertRule(context),
    UpdateAlertRule: alertRule(context),
    CreateMaintenanceWindow: {
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 7_200_000).toISOString(),
      comment: 'Reliability test window',
      region: context.region,
    },
    ReceiveAlertmanagerWebhook: {
      version: '4',
      status: 'resolved',
      alerts: [],
    },
    ApplyServiceManifests: {
      entityRef: 'component:default/reliability-probe',
      owner: context.team,
      regions: [context.region],
      dryRun: true,
      manifests: [probeDeployment(context.workloadNamespace)],
    },
    CreateReport: {
      kind: 'scaling',
      team: context.team,
      start: day(-8),
      end: day(-1),
    },
  };
}

/** The smallest Deployment a new service's template renders. */
function probeDeployment(namespace: string) {
  const labels = { 'backstage.io/kubernetes-id': 'reliability-probe' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'reliability-probe', namespace, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'app', image: 'example/probe:1.0.0' }] },
      },
    },
  };
}

function alertRule(context: RequestContext) {
  return {
    kind: 'threshold',
    name: 'ReliabilityHighErrors',
    severity: 'warning',
    region: context.region,
    for: '5m',
    threshold: {
      signal: 'errorRatio',
      comparison: 'above',
      value: 0.2,
      window: '5m',
    },
  };
}

/** A value the schema admits, for endpoints without a known body. */
export function exampleOf(schema: Schema | undefined): unknown {
  if (!schema) return undefined;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map(name => [
          name,
          exampleOf(schema.properties?.[name]),
        ]),
      );
    case 'array':
      return Array.from({ length: schema.minItems ?? 1 }, () =>
        exampleOf(schema.items),
      );
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
  }
}

/** Values of the path and query parameters the contract uses, by name. */
function parameterValue(name: string, context: RequestContext): string {
  const values: Record<string, string> = {
    kind: 'component',
    namespace: 'default',
    name: context.service,
    regions: context.region,
    region: context.region,
    cluster: context.cluster,
  };
  // Ids of rules, windows and reports that do not exist: a valid shape, a 404 if ever reached.
  return values[name] ?? 'reliability-unknown-id';
}

/** The well-formed request of an endpoint from which the fuzzer's bad ones are made. */
export function validParts(
  operation: WriteOperation,
  context: RequestContext,
): RequestParts {
  const known = knownBodies(context)[operation.operationId];
  return {
    params: Object.fromEntries(
      operation.pathParams.map(p => [p.name, parameterValue(p.name, context)]),
    ),
    query: Object.fromEntries(
      operation.queryParams
        .filter(p => p.required)
        .map(p => [p.name, parameterValue(p.name, context)]),
    ),
    body: operation.body
      ? structuredClone(known ?? exampleOf(operation.body))
      : undefined,
  };
}
