import type { KubeObject, ResourceKey } from '../store/types';

/**
 * Defaulting as the API server applies it on create and update (the `SetDefaults_*` functions
 * of `pkg/apis/<group>/<version>/defaults.go`), for the fields clients and controllers read.
 * Each function mutates a draft object.
 */

type Json = Record<string, any>;

function obj(parent: Json, key: string): Json {
  if (!parent[key] || typeof parent[key] !== 'object') parent[key] = {};
  return parent[key];
}

function setDefault(target: Json, key: string, value: unknown): void {
  if (target[key] === undefined || target[key] === null) target[key] = value;
}

function defaultContainer(container: Json): void {
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  const image = String(container.image ?? '');
  const tagged =
    /:[^/]+$/.test(image.split('@')[0]) && !image.endsWith(':latest');
  setDefault(
    container,
    'imagePullPolicy',
    tagged || image.includes('@') ? 'IfNotPresent' : 'Always',
  );
  for (const port of container.ports ?? []) setDefault(port, 'protocol', 'TCP');
  const resources = container.resources as Json | undefined;
  if (resources?.limits) {
    // SetDefaults_Container: requests default to limits when unset.
    const requests = obj(resources, 'requests');
    for (const [name, quantity] of Object.entries(resources.limits))
      setDefault(requests, name, quantity);
  }
  setDefault(container, 'resources', {});
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    if (container[probe]) defaultProbe(container[probe]);
  }
}

function defaultProbe(probe: Json): void {
  setDefault(probe, 'timeoutSeconds', 1);
  setDefault(probe, 'periodSeconds', 10);
  setDefault(probe, 'successThreshold', 1);
  setDefault(probe, 'failureThreshold', 3);
  if (probe.httpGet) setDefault(probe.httpGet, 'scheme', 'HTTP');
}

export function defaultPodSpec(spec: Json): void {
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
  for (const container of [
    ...(spec.containers ?? []),
    ...(spec.initContainers ?? []),
  ])
    defaultContainer(container);
}

function defaultTemplate(spec: Json): void {
  const template = obj(spec, 'template');
  obj(template, 'metadata');
  defaultPodSpec(obj(template, 'spec'));
}

function defaultDeployment(object: KubeObject): void {
  const spec = obj(object as Json, 'spec');
  setDefault(spec, 'replicas', 1);
  const strategy = obj(spec, 'strategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const rolling = obj(strategy, 'rollingUpdate');
    setDefault(rolling, 'maxUnavailable', '25%');
    setDefault(rolling, 'maxSurge', '25%');
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  defaultTemplate(spec);
}

function defaultReplicaSet(object: KubeObject): void {
  const spec = obj(object as Json, 'spec');
  setDefault(spec, 'replicas', 1);
  defaultTemplate(spec);
}

function defaultPod(object: KubeObject): void {
  const spec = obj(object as Json, 'spec');
  defaultPodSpec(spec);
  setDefault(spec, 'enableServiceLinks', true);
  setDefault(spec, 'priority', 0);
}

function defaultService(object: KubeObject): void {
  const spec = obj(object as Json, 'spec');
  setDefault(spec, 'type', 'ClusterIP');
  setDefault(spec, 'sessionAffinity', 'None');
  setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  for (const port of spec.ports ?? []) {
    setDefault(port, 'protocol', 'TCP');
    setDefault(port, 'targetPort', port.port);
  }
}

function defaultNamespace(object: KubeObject): void {
  const metadata = object.metadata;
  metadata.labels = {
    ...(metadata.labels ?? {}),
    'kubernetes.io/metadata.name': metadata.name,
  };
  setDefault(obj(object as Json, 'spec'), 'finalizers', ['kubernetes']);
  setDefault(obj(object as Json, 'status'), 'phase', 'Active');
}

const DEFAULT_CPU_UTILIZATION = 80;

/** `SetDefaults_HorizontalPodAutoscaler` and `SetDefaults_HorizontalPodAutoscalerBehavior` (autoscaling/v2). */
export function defaultHorizontalPodAutoscaler(object: KubeObject): void {
  const spec = obj(object as Json, 'spec');
  setDefault(spec, 'minReplicas', 1);
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: {
            type: 'Utilization',
            averageUtilization: DEFAULT_CPU_UTILIZATION,
          },
        },
      },
    ];
  }
  // Behavior is only filled in when the client gave one; the controller applies its own
  // defaults (including the 300 s scale-down window) when it is absent.
  if (spec.behavior && typeof spec.behavior === 'object') {
    spec.behavior.scaleUp = withRuleDefaults(spec.behavior.scaleUp, {
      stabilizationWindowSeconds: 0,
      selectPolicy: 'Max',
      policies: [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
    });
    spec.behavior.scaleDown = withRuleDefaults(spec.behavior.scaleDown, {
      selectPolicy: 'Max',
      policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    });
  }
}

/** upstream `copyHPAScalingRules`: each field the client set wins over the default. */
function withRuleDefaults(given: Json | undefined, defaults: Json): Json {
  if (!given) return defaults;
  const result = { ...defaults };
  for (const key of [
    'selectPolicy',
    'stabilizationWindowSeconds',
    'policies',
    'tolerance',
  ]) {
    if (given[key] !== undefined && given[key] !== null)
      result[key] = given[key];
  }
  return result;
}

const DEFAULTERS: Record<ResourceKey, (object: KubeObject) => void> = {
  'deployments.apps': defaultDeployment,
  'replicasets.apps': defaultReplicaSet,
  pods: defaultPod,
  services: defaultService,
  namespaces: defaultNamespace,
  'horizontalpodautoscalers.autoscaling': defaultHorizontalPodAutoscaler,
};

/** Applies the resource's defaults to a mutable (storage-version) object. */
export function applyDefaults(resource: ResourceKey, object: KubeObject): void {
  DEFAULTERS[resource]?.(object);
}
