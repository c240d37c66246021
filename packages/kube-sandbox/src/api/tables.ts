import {
  formatLabelSelector,
  fromLabelSelectorObject,
} from '../store/selectors';
import type { KubeObject, ResourceKey } from '../store/types';
import { humanDuration } from './humanDuration';

/**
 * Server-side printing (`Accept: application/json;as=Table;g=meta.k8s.io;v=v1`), with the
 * columns of upstream's `pkg/printers/internalversion` and Argo Rollouts' printer columns, so
 * that `kubectl get` prints what it prints against a real cluster.
 */

type Json = Record<string, any>;
type Cell = string | number | boolean;

interface Column {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: string;
  description: string;
  /** 0: always shown; 1: only with `-o wide`. */
  priority: 0 | 1;
  value(object: Json, now: number): Cell;
}

const NAME: Column = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  priority: 0,
  value: o => o.metadata.name,
};

const AGE: Column = {
  name: 'Age',
  type: 'string',
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created.',
  priority: 0,
  value: (o, now) => age(o.metadata.creationTimestamp, now),
};

function age(timestamp: string | undefined, now: number): string {
  return timestamp ? humanDuration(now - Date.parse(timestamp)) : '<unknown>';
}

function column(
  name: string,
  value: Column['value'],
  options: Partial<Column> = {},
): Column {
  return {
    name,
    type: 'string',
    description: name,
    priority: 0,
    value,
    ...options,
  };
}

const int = (name: string, value: Column['value'], priority: 0 | 1 = 0) =>
  column(name, value, { type: 'integer', priority });

function containerNames(template: Json | undefined): string {
  return (template?.spec?.containers ?? []).map((c: Json) => c.name).join(',');
}

function containerImages(template: Json | undefined): string {
  return (template?.spec?.containers ?? []).map((c: Json) => c.image).join(',');
}

function selectorText(selector: Json | undefined): string {
  if (!selector) return '<none>';
  try {
    return formatLabelSelector(fromLabelSelectorObject(selector)) || '<none>';
  } catch {
    return '<invalid>';
  }
}

function podStatus(pod: Json): {
  ready: string;
  status: string;
  restarts: number;
} {
  const statuses: Json[] = pod.status?.containerStatuses ?? [];
  const total = pod.spec?.containers?.length ?? 0;
  const ready = statuses.filter(s => s.ready).length;
  const restarts = statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0);
  let status: string = pod.status?.reason ?? pod.status?.phase ?? 'Unknown';
  for (const s of statuses) {
    const waiting = s.state?.waiting?.reason;
    const terminated = s.state?.terminated?.reason;
    if (waiting) status = waiting;
    else if (terminated) status = terminated;
  }
  if (pod.metadata.deletionTimestamp) status = 'Terminating';
  return { ready: `${ready}/${total}`, status, restarts };
}

/** `formatHPAMetrics` of kubectl 1.32: `cpu: 45%/70%`, at most two then `+ N more...`. */
function hpaTargets(hpa: Json): string {
  const specs: Json[] = hpa.spec?.metrics ?? [];
  if (specs.length === 0) return '<none>';
  const current: Json[] = hpa.status?.currentMetrics ?? [];
  const parts = specs.map((spec, i) => {
    const cur = current[i];
    switch (spec.type) {
      case 'Resource':
      case 'ContainerResource': {
        const field =
          spec.type === 'Resource' ? 'resource' : 'containerResource';
        const source = spec[field];
        const curSource = cur?.type === spec.type ? cur[field] : undefined;
        const prefix =
          spec.type === 'Resource'
            ? `${source?.name}`
            : `${source?.name} of container "${source?.container}"`;
        if (source?.target?.type === 'Utilization') {
          const value = curSource?.current?.averageUtilization;
          return `${prefix}: ${
            value !== undefined ? `${value}%` : '<unknown>'
          }/${source.target.averageUtilization}%`;
        }
        return `${prefix}: ${curSource?.current?.averageValue ?? '<unknown>'}/${
          source?.target?.averageValue
        }`;
      }
      case 'Pods':
        return `${cur?.pods?.current?.averageValue ?? '<unknown>'}/${
          spec.pods?.target?.averageValue
        }`;
      case 'Object': {
        const target = spec.object?.target ?? {};
        if (target.type === 'AverageValue') {
          return `${cur?.object?.current?.averageValue ?? '<unknown>'}/${
            target.averageValue
          } (avg)`;
        }
        return `${cur?.object?.current?.value ?? '<unknown>'}/${target.value}`;
      }
      case 'External': {
        const target = spec.external?.target ?? {};
        if (target.type === 'AverageValue') {
          return `${cur?.external?.current?.averageValue ?? '<unknown>'}/${
            target.averageValue
          } (avg)`;
        }
        return `${cur?.external?.current?.value ?? '<unknown>'}/${
          target.value
        }`;
      }
      default:
        return '<unknown type>';
    }
  });
  if (parts.length > 2)
    return `${parts.slice(0, 2).join(', ')} + ${parts.length - 2} more...`;
  return parts.join(', ');
}

function servicePorts(service: Json): string {
  const ports: Json[] = service.spec?.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports
    .map(
      p =>
        `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`,
    )
    .join(',');
}

function nodeRoles(node: Json): string {
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter(l => l.startsWith('node-role.kubernetes.io/'))
    .map(l => l.slice('node-role.kubernetes.io/'.length));
  return roles.length ? roles.join(',') : '<none>';
}

function nodeStatus(node: Json): string {
  const ready = (node.status?.conditions ?? []).find(
    (c: Json) => c.type === 'Ready',
  );
  let status = 'Unknown';
  if (ready) status = ready.status === 'True' ? 'Ready' : 'NotReady';
  return node.spec?.unschedulable ? `${status},SchedulingDisabled` : status;
}

function nodeAddress(node: Json, type: string): string {
  return (
    (node.status?.addresses ?? []).find((a: Json) => a.type === type)
      ?.address ?? '<none>'
  );
}

const COLUMNS: Record<ResourceKey, Column[]> = {
  namespaces: [NAME, column('Status', o => o.status?.phase ?? 'Active'), AGE],
  nodes: [
    NAME,
    column('Status', nodeStatus),
    column('Roles', nodeRoles),
    AGE,
    column('Version', o => o.status?.nodeInfo?.kubeletVersion ?? ''),
    column('Internal-IP', o => nodeAddress(o, 'InternalIP'), { priority: 1 }),
    column('External-IP', o => nodeAddress(o, 'ExternalIP'), { priority: 1 }),
    column('OS-Image', o => o.status?.nodeInfo?.osImage ?? '<unknown>', {
      priority: 1,
    }),
    column(
      'Kernel-Version',
      o => o.status?.nodeInfo?.kernelVersion ?? '<unknown>',
      { priority: 1 },
    ),
    column(
      'Container-Runtime',
      o => o.status?.nodeInfo?.containerRuntimeVersion ?? '<unknown>',
      { priority: 1 },
    ),
  ],
  pods: [
    NAME,
    column('Ready', o => podStatus(o).ready),
    column('Status', o => podStatus(o).status),
    int('Restarts', o => podStatus(o).restarts),
    AGE,
    column('IP', o => o.status?.podIP ?? '<none>', { priority: 1 }),
    column('Node', o => o.spec?.nodeName ?? '<none>', { priority: 1 }),
    column('Nominated Node', o => o.status?.nominatedNodeName ?? '<none>', {
      priority: 1,
    }),
    column(
      'Readiness Gates',
      o =>
        o.spec?.readinessGates?.length
          ? String(o.spec.readinessGates.length)
          : '<none>',
      { priority: 1 },
    ),
  ],
  services: [
    NAME,
    column('Type', o => o.spec?.type ?? 'ClusterIP'),
    column('Cluster-IP', o => o.spec?.clusterIP ?? '<none>'),
    column(
      'External-IP',
      o =>
        o.status?.loadBalancer?.ingress
          ?.map((i: Json) => i.ip ?? i.hostname)
          .join(',') || '<none>',
    ),
    column('Port(s)', servicePorts),
    AGE,
    column(
      'Selector',
      o =>
        Object.entries(o.spec?.selector ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || '<none>',
      { priority: 1 },
    ),
  ],
  events: [
    column('Last Seen', (o, now) =>
      age(o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp, now),
    ),
    column('Type', o => o.type ?? ''),
    column('Reason', o => o.reason ?? ''),
    column(
      'Object',
      o =>
        `${String(o.involvedObject?.kind ?? '').toLowerCase()}/${
          o.involvedObject?.name ?? ''
        }`,
    ),
    column('Message', o => String(o.message ?? '').trim()),
  ],
  'deployments.apps': [
    NAME,
    column(
      'Ready',
      o => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
    ),
    // Upstream declares these counts as strings and sends numbers in the cells.
    column('Up-to-date', o => o.status?.updatedReplicas ?? 0),
    column('Available', o => o.status?.availableReplicas ?? 0),
    AGE,
    column('Containers', o => containerNames(o.spec?.template), {
      priority: 1,
    }),
    column('Images', o => containerImages(o.spec?.template), { priority: 1 }),
    column('Selector', o => selectorText(o.spec?.selector), { priority: 1 }),
  ],
  'replicasets.apps': [
    NAME,
    int('Desired', o => o.spec?.replicas ?? 0),
    int('Current', o => o.status?.replicas ?? 0),
    int('Ready', o => o.status?.readyReplicas ?? 0),
    AGE,
    column('Containers', o => containerNames(o.spec?.template), {
      priority: 1,
    }),
    column('Images', o => containerImages(o.spec?.template), { priority: 1 }),
    column('Selector', o => selectorText(o.spec?.selector), { priority: 1 }),
  ],
  'horizontalpodautoscalers.autoscaling': [
    NAME,
    column(
      'Reference',
      o => `${o.spec?.scaleTargetRef?.kind}/${o.spec?.scaleTargetRef?.name}`,
    ),
    column('Targets', hpaTargets),
    column('MinPods', o => String(o.spec?.minReplicas ?? '<unset>')),
    column('MaxPods', o => o.spec?.maxReplicas ?? 0),
    column('Replicas', o => o.status?.currentReplicas ?? 0),
    AGE,
  ],
  'rollouts.argoproj.io': [
    NAME,
    int('Desired', o => o.spec?.replicas ?? 1),
    int('Current', o => o.status?.replicas ?? 0),
    int('Up-to-date', o => o.status?.updatedReplicas ?? 0),
    int('Available', o => o.status?.availableReplicas ?? 0),
    // A custom resource's printer columns: the CRD's `date` column.
    { ...AGE, type: 'date' },
  ],
  'virtualservices.networking.istio.io': [NAME, { ...AGE, type: 'date' }],
};

export interface TableOptions {
  /** `Table` apiVersion the client asked for: `meta.k8s.io/v1` or `meta.k8s.io/v1beta1`. */
  apiVersion: string;
  /** `includeObject` query parameter: None, Metadata (default) or Object. */
  includeObject: string;
  now: number;
  resourceVersion?: string;
}

/** A Table of the objects. `served` converts a stored object into the version the client reads. */
export function toTable(
  resource: ResourceKey,
  objects: readonly KubeObject[],
  options: TableOptions,
  served: (object: KubeObject) => KubeObject = o => o,
): Json {
  const columns = COLUMNS[resource] ?? [NAME, AGE];
  return {
    kind: 'Table',
    apiVersion: options.apiVersion,
    metadata: options.resourceVersion
      ? { resourceVersion: options.resourceVersion }
      : {},
    columnDefinitions: columns.map(
      ({ name, type, format, description, priority }) => ({
        name,
        type,
        format: format ?? '',
        description,
        priority,
      }),
    ),
    rows: objects.map(object => ({
      cells: columns.map(c => c.value(object as Json, options.now)),
      ...rowObject(served(object), options.includeObject),
    })),
  };
}

function rowObject(object: KubeObject, includeObject: string): Json {
  if (includeObject === 'None') return {};
  if (includeObject === 'Object') return { object };
  return {
    object: {
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: object.metadata,
    },
  };
}
