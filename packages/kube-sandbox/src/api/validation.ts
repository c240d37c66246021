import { fieldErrors, type StatusCause } from '../status';
import { fromLabelSelectorObject, matchesLabels } from '../store/selectors';
import type { KubeObject, ResourceKey } from '../store/types';

/**
 * Validation as the API server's `Validate*` functions word it, for the rules clients hit:
 * names, replica bounds, selectors, container basics and the HPA's metrics and behavior.
 * Returns causes; the caller turns a non-empty list into one 422 Invalid Status.
 */

type Json = Record<string, any>;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** Namespaces are DNS-1123 labels, Services DNS-1035 labels, everything else DNS subdomains. */
const NAME_RULES: Record<string, [RegExp, string, number]> = {
  namespaces: [DNS1123_LABEL, LABEL_MESSAGE, 63],
  services: [DNS1035_LABEL, DNS1035_MESSAGE, 63],
};

function validateName(
  resource: ResourceKey,
  name: string | undefined,
  causes: StatusCause[],
): void {
  if (!name) {
    causes.push(
      fieldErrors.required('metadata.name', 'name or generateName is required'),
    );
    return;
  }
  const [pattern, message, max] = NAME_RULES[resource] ?? [
    DNS1123_SUBDOMAIN,
    SUBDOMAIN_MESSAGE,
    253,
  ];
  if (!pattern.test(name))
    causes.push(fieldErrors.invalid('metadata.name', name, message));
  if (name.length > max)
    causes.push(
      fieldErrors.invalid(
        'metadata.name',
        name,
        `must be no more than ${max} characters`,
      ),
    );
}

function validateNonNegative(
  value: unknown,
  field: string,
  causes: StatusCause[],
): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    causes.push(fieldErrors.invalid(field, value, 'must be an integer'));
  } else if (value < 0) {
    causes.push(
      fieldErrors.invalid(field, value, 'must be greater than or equal to 0'),
    );
  }
}

function validateContainers(
  podSpec: Json | undefined,
  field: string,
  causes: StatusCause[],
): void {
  const containers = podSpec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    causes.push(fieldErrors.required(`${field}.containers`, ''));
    return;
  }
  const seen = new Set<string>();
  containers.forEach((container: Json, i: number) => {
    const path = `${field}.containers[${i}]`;
    if (!container?.name) causes.push(fieldErrors.required(`${path}.name`));
    else if (seen.has(container.name)) {
      causes.push({
        reason: 'FieldValueDuplicate',
        field: `${path}.name`,
        message: `Duplicate value: "${container.name}"`,
      });
    } else if (!DNS1123_LABEL.test(container.name)) {
      causes.push(
        fieldErrors.invalid(`${path}.name`, container.name, LABEL_MESSAGE),
      );
    }
    seen.add(container?.name);
    if (!container?.image) causes.push(fieldErrors.required(`${path}.image`));
  });
}

/** Deployments, ReplicaSets and Rollouts: replicas, selector and template. */
function validateWorkload(
  object: KubeObject,
  causes: StatusCause[],
  options: { templateRequired: boolean },
): void {
  const spec = (object.spec ?? {}) as Json;
  validateNonNegative(spec.replicas, 'spec.replicas', causes);
  const selector = spec.selector;
  if (!selector) {
    causes.push(fieldErrors.required('spec.selector', ''));
  } else if (!selector.matchLabels && !selector.matchExpressions) {
    causes.push(
      fieldErrors.invalid(
        'spec.selector',
        selector,
        'empty selector is invalid for deployment',
      ),
    );
  }
  const template = spec.template as Json | undefined;
  if (!template) {
    if (options.templateRequired)
      causes.push(fieldErrors.required('spec.template', ''));
    return;
  }
  if (selector && (selector.matchLabels || selector.matchExpressions)) {
    const labels = template.metadata?.labels as
      | Record<string, string>
      | undefined;
    let matches = false;
    try {
      matches = matchesLabels(fromLabelSelectorObject(selector), labels);
    } catch {
      causes.push(
        fieldErrors.invalid(
          'spec.selector',
          selector,
          'invalid label selector',
        ),
      );
      return;
    }
    if (!matches) {
      causes.push(
        fieldErrors.invalid(
          'spec.template.metadata.labels',
          labels ?? {},
          '`selector` does not match template `labels`',
        ),
      );
    }
  }
  validateContainers(template.spec, 'spec.template.spec', causes);
}

const METRIC_SOURCE_TYPES = [
  'ContainerResource',
  'External',
  'Object',
  'Pods',
  'Resource',
] as const;
const METRIC_TARGET_TYPES = ['AverageValue', 'Utilization', 'Value'] as const;
const SELECT_POLICIES = ['Disabled', 'Max', 'Min'] as const;
const POLICY_TYPES = ['Percent', 'Pods'] as const;
const MAX_STABILIZATION_SECONDS = 3600;
const MAX_PERIOD_SECONDS = 1800;

function metricField(type: string): string | undefined {
  switch (type) {
    case 'Resource':
      return 'resource';
    case 'ContainerResource':
      return 'containerResource';
    case 'Pods':
      return 'pods';
    case 'Object':
      return 'object';
    case 'External':
      return 'external';
    default:
      return undefined;
  }
}

function isPositiveQuantity(value: unknown): boolean {
  if (typeof value === 'number') return value > 0;
  if (typeof value !== 'string') return false;
  const match = /^([0-9.]+)([a-zA-Z]*)$/.exec(value.trim());
  return !!match && Number(match[1]) > 0;
}

function validateMetricTarget(
  target: Json | undefined,
  path: string,
  causes: StatusCause[],
): void {
  if (!target?.type) {
    causes.push(
      fieldErrors.required(`${path}.type`, 'must specify a metric target type'),
    );
    return;
  }
  if (!(METRIC_TARGET_TYPES as readonly string[]).includes(target.type)) {
    causes.push(
      fieldErrors.notSupported(
        `${path}.type`,
        target.type,
        METRIC_TARGET_TYPES,
      ),
    );
  }
  if (
    target.averageUtilization !== undefined &&
    !(target.averageUtilization > 0)
  ) {
    causes.push(
      fieldErrors.invalid(
        `${path}.averageUtilization`,
        target.averageUtilization,
        'must be greater than 0',
      ),
    );
  }
  if (target.value !== undefined && !isPositiveQuantity(target.value)) {
    causes.push(
      fieldErrors.invalid(`${path}.value`, target.value, 'must be positive'),
    );
  }
  if (
    target.averageValue !== undefined &&
    !isPositiveQuantity(target.averageValue)
  ) {
    causes.push(
      fieldErrors.invalid(
        `${path}.averageValue`,
        target.averageValue,
        'must be positive',
      ),
    );
  }
  const set = ['value', 'averageValue', 'averageUtilization'].filter(
    k => target[k] !== undefined,
  );
  if (set.length === 0) {
    causes.push(
      fieldErrors.required(
        path,
        'must set either a target raw value, a target average value, or a target utilization',
      ),
    );
  }
}

function validateMetric(
  metric: Json,
  path: string,
  causes: StatusCause[],
): void {
  if (!metric?.type) {
    causes.push(
      fieldErrors.required(`${path}.type`, 'must specify a metric source type'),
    );
    return;
  }
  const field = metricField(metric.type);
  if (!field) {
    causes.push(
      fieldErrors.notSupported(
        `${path}.type`,
        metric.type,
        METRIC_SOURCE_TYPES,
      ),
    );
    return;
  }
  const source = metric[field] as Json | undefined;
  if (!source) {
    causes.push(
      fieldErrors.required(
        `${path}.${field}`,
        'must populate information for the given metric source',
      ),
    );
    return;
  }
  for (const other of [
    'resource',
    'containerResource',
    'pods',
    'object',
    'external',
  ]) {
    if (other !== field && metric[other] !== undefined) {
      causes.push(
        fieldErrors.forbidden(
          `${path}.${other}`,
          'must populate the given metric source only',
        ),
      );
    }
  }
  const sourcePath = `${path}.${field}`;
  if (field === 'resource' || field === 'containerResource') {
    if (!source.name)
      causes.push(
        fieldErrors.required(
          `${sourcePath}.name`,
          'must specify a resource name',
        ),
      );
    if (field === 'containerResource' && !source.container) {
      causes.push(
        fieldErrors.required(
          `${sourcePath}.container`,
          'must specify a container',
        ),
      );
    }
    if (source.target?.type === 'Value') {
      causes.push(
        fieldErrors.notSupported(`${sourcePath}.target.type`, 'Value', [
          'AverageValue',
          'Utilization',
        ]),
      );
    }
  } else {
    if (!source.metric?.name)
      causes.push(
        fieldErrors.required(
          `${sourcePath}.metric.name`,
          'must specify a metric name',
        ),
      );
    if (
      field === 'object' &&
      (!source.describedObject?.kind || !source.describedObject?.name)
    ) {
      causes.push(
        fieldErrors.required(
          `${sourcePath}.describedObject`,
          'must specify kind and name',
        ),
      );
    }
    if (
      field === 'pods' &&
      source.target?.type &&
      source.target.type !== 'AverageValue'
    ) {
      causes.push(
        fieldErrors.notSupported(
          `${sourcePath}.target.type`,
          source.target.type,
          ['AverageValue'],
        ),
      );
    }
  }
  validateMetricTarget(source.target, `${sourcePath}.target`, causes);
}

function validateScalingRules(
  rules: Json | undefined,
  path: string,
  causes: StatusCause[],
): void {
  if (!rules) return;
  const window = rules.stabilizationWindowSeconds;
  if (window !== undefined && window !== null) {
    if (window < 0)
      causes.push(
        fieldErrors.invalid(
          `${path}.stabilizationWindowSeconds`,
          window,
          'must be greater than or equal to zero',
        ),
      );
    if (window > MAX_STABILIZATION_SECONDS) {
      causes.push(
        fieldErrors.invalid(
          `${path}.stabilizationWindowSeconds`,
          window,
          `must be less than or equal to ${MAX_STABILIZATION_SECONDS}`,
        ),
      );
    }
  }
  if (
    rules.selectPolicy !== undefined &&
    !(SELECT_POLICIES as readonly string[]).includes(rules.selectPolicy)
  ) {
    causes.push(
      fieldErrors.notSupported(
        `${path}.selectPolicy`,
        rules.selectPolicy,
        SELECT_POLICIES,
      ),
    );
  }
  const policies = rules.policies;
  if (!Array.isArray(policies) || policies.length === 0) {
    causes.push(
      fieldErrors.required(
        `${path}.policies`,
        'must specify at least one Policy',
      ),
    );
    return;
  }
  policies.forEach((policy: Json, i: number) => {
    const p = `${path}.policies[${i}]`;
    if (!(POLICY_TYPES as readonly string[]).includes(policy?.type))
      causes.push(
        fieldErrors.notSupported(`${p}.type`, policy?.type ?? '', POLICY_TYPES),
      );
    if (!(policy?.value > 0))
      causes.push(
        fieldErrors.invalid(
          `${p}.value`,
          policy?.value ?? 0,
          'must be greater than zero',
        ),
      );
    const period = policy?.periodSeconds;
    if (!(period > 0))
      causes.push(
        fieldErrors.invalid(
          `${p}.periodSeconds`,
          period ?? 0,
          'must be greater than zero',
        ),
      );
    else if (period > MAX_PERIOD_SECONDS) {
      causes.push(
        fieldErrors.invalid(
          `${p}.periodSeconds`,
          period,
          `must be less than or equal to ${MAX_PERIOD_SECONDS}`,
        ),
      );
    }
  });
}

/** An HPA's target must name its API group, as `schema.ParseGroupVersion` reads `apiVersion`. */
function validateTargetApiVersion(apiVersion: string, causes: StatusCause[]) {
  const field = 'spec.scaleTargetRef.apiVersion';
  const parts = apiVersion.split('/');
  if (parts.length > 2) {
    causes.push(
      fieldErrors.invalid(
        field,
        apiVersion,
        `unexpected GroupVersion string: ${apiVersion}`,
      ),
    );
  } else if (parts.length < 2 || parts[0] === '') {
    causes.push(
      fieldErrors.invalid(
        field,
        apiVersion,
        'apiVersion must specify API group',
      ),
    );
  }
}

function validateHorizontalPodAutoscaler(
  object: KubeObject,
  causes: StatusCause[],
): void {
  const spec = (object.spec ?? {}) as Json;
  const ref = spec.scaleTargetRef as Json | undefined;
  if (!ref?.kind)
    causes.push(fieldErrors.required('spec.scaleTargetRef.kind', ''));
  if (!ref?.name)
    causes.push(fieldErrors.required('spec.scaleTargetRef.name', ''));
  validateTargetApiVersion(String(ref?.apiVersion ?? ''), causes);
  const min = spec.minReplicas;
  const max = spec.maxReplicas;
  if (min !== undefined && min < 1)
    causes.push(
      fieldErrors.invalid(
        'spec.minReplicas',
        min,
        'must be greater than or equal to 1',
      ),
    );
  if (max === undefined)
    causes.push(fieldErrors.required('spec.maxReplicas', ''));
  else if (max < 1)
    causes.push(
      fieldErrors.invalid('spec.maxReplicas', max, 'must be greater than 0'),
    );
  if (min !== undefined && max !== undefined && min > max) {
    causes.push(
      fieldErrors.invalid(
        'spec.maxReplicas',
        max,
        'must be greater than or equal to `minReplicas`',
      ),
    );
  }
  const metrics: Json[] = Array.isArray(spec.metrics) ? spec.metrics : [];
  metrics.forEach((metric, i) =>
    validateMetric(metric, `spec.metrics[${i}]`, causes),
  );
  if (
    min === 0 &&
    !metrics.some(m => m?.type === 'Object' || m?.type === 'External')
  ) {
    causes.push(
      fieldErrors.forbidden(
        'spec.metrics',
        'must specify at least one Object or External metric to support scaling to zero replicas',
      ),
    );
  }
  if (spec.behavior) {
    validateScalingRules(
      spec.behavior.scaleUp,
      'spec.behavior.scaleUp',
      causes,
    );
    validateScalingRules(
      spec.behavior.scaleDown,
      'spec.behavior.scaleDown',
      causes,
    );
  }
}

function validateService(object: KubeObject, causes: StatusCause[]): void {
  const spec = (object.spec ?? {}) as Json;
  const ports = spec.ports;
  if (
    spec.type !== 'ExternalName' &&
    spec.clusterIP !== 'None' &&
    (!Array.isArray(ports) || ports.length === 0)
  ) {
    causes.push(fieldErrors.required('spec.ports', ''));
  }
  (Array.isArray(ports) ? ports : []).forEach((port: Json, i: number) => {
    if (!(port?.port >= 1 && port.port <= 65535)) {
      causes.push(
        fieldErrors.invalid(
          `spec.ports[${i}].port`,
          port?.port ?? 0,
          'must be between 1 and 65535, inclusive',
        ),
      );
    }
  });
}

function validatePodDisruptionBudget(
  object: KubeObject,
  causes: StatusCause[],
): void {
  const spec = (object.spec ?? {}) as Json;
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    causes.push(
      fieldErrors.invalid(
        'spec',
        spec,
        'minAvailable and maxUnavailable cannot be both set',
      ),
    );
  }
}

/** What Go's JSON decoding makes of a value, as the scale subresource's accessor names it. */
function goTypeOf(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

/**
 * A Rollout is a custom resource: the API server checks its replicas against the CRD's schema
 * and reads them through the scale subresource's `specReplicasPath`, and skips the CRD's CEL
 * rules once the schema has failed. It has no Deployment's non-negative check.
 */
function validateRolloutReplicas(replicas: unknown, causes: StatusCause[]) {
  if (replicas === undefined || Number.isInteger(replicas)) return;
  causes.push(
    fieldErrors.typeInvalid('spec.replicas', replicas, 'integer'),
    fieldErrors.invalid(
      '.spec.replicas',
      0,
      `.spec.replicas accessor error: ${
        typeof replicas === 'object' ? JSON.stringify(replicas) : replicas
      } is of the type ${goTypeOf(replicas)}, expected int64`,
    ),
    fieldErrors.invalid(
      '<nil>',
      null,
      'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
    ),
  );
}

function validateRollout(object: KubeObject, causes: StatusCause[]): void {
  const { replicas, ...spec } = (object.spec ?? {}) as Json;
  validateRolloutReplicas(replicas, causes);
  validateWorkload({ ...object, spec }, causes, { templateRequired: false });
  const strategy = ((object.spec ?? {}) as Json).strategy as Json | undefined;
  if (strategy && !strategy.canary && !strategy.blueGreen) {
    causes.push(
      fieldErrors.required(
        'spec.strategy.strategy',
        "Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'",
      ),
    );
  }
}

const VALIDATORS: Record<
  ResourceKey,
  (object: KubeObject, causes: StatusCause[]) => void
> = {
  'deployments.apps': (o, c) =>
    validateWorkload(o, c, { templateRequired: true }),
  'replicasets.apps': (o, c) =>
    validateWorkload(o, c, { templateRequired: true }),
  'rollouts.argoproj.io': validateRollout,
  'horizontalpodautoscalers.autoscaling': validateHorizontalPodAutoscaler,
  services: validateService,
  'poddisruptionbudgets.policy': validatePodDisruptionBudget,
  pods: (o, c) => validateContainers(o.spec as Json, 'spec', c),
};

/** All causes that make `object` invalid (storage version, after defaulting). */
export function validateObject(
  resource: ResourceKey,
  object: KubeObject,
): StatusCause[] {
  const causes: StatusCause[] = [];
  validateName(resource, object.metadata?.name, causes);
  VALIDATORS[resource]?.(object, causes);
  return causes;
}

/** Scale subresource: `spec.replicas` must be a non-negative integer. */
export function validateScale(replicas: unknown): StatusCause[] {
  const causes: StatusCause[] = [];
  validateNonNegative(replicas, 'spec.replicas', causes);
  return causes;
}
