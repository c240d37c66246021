import { statusErrors } from '../status';
import type { ResourceDefinition } from '../store/resources';
import type { KubeObject, ResourceKey } from '../store/types';
import { applyDefaults } from './defaults';
import { validateObject } from './validation';

/**
 * What the API server does to an object between decoding and storage (upstream's REST
 * strategies): drop fields clients may not set, default, allocate, validate.
 * All functions take and return storage-version objects and never mutate their input.
 */

/** Placeholder used to validate a `generateName` before the store picks the suffix. */
const GENERATED_SUFFIX = 'xxxxx';

/**
 * The status a new object is stored with where the Go type's zero value is not empty (fields
 * without `omitempty`): an HPA reads `desiredReplicas: 0` and `currentMetrics: null` until the
 * controller first evaluates it.
 */
const ZERO_STATUS: Partial<Record<ResourceKey, Record<string, unknown>>> = {
  'horizontalpodautoscalers.autoscaling': {
    desiredReplicas: 0,
    currentMetrics: null,
  },
};

export function prepareForCreate(
  def: ResourceDefinition,
  incoming: KubeObject,
  allocator: ServiceIpAllocator,
): KubeObject {
  const draft = structuredClone(incoming);
  const {
    uid: _uid,
    resourceVersion: _rv,
    generation: _generation,
    creationTimestamp: _created,
    deletionTimestamp: _deleted,
    ...metadata
  } = draft.metadata;
  draft.metadata = metadata as KubeObject['metadata'];
  if (def.subresources.includes('status') && def.key !== 'namespaces') {
    delete draft.status;
    const zero = ZERO_STATUS[def.key];
    if (zero) draft.status = structuredClone(zero);
  }
  applyDefaults(def.key, draft);
  if (def.key === 'services') allocator.assign(draft);
  if (def.key === 'pods')
    draft.status = {
      phase: 'Pending',
      qosClass: 'BestEffort',
      ...(draft.status as object),
    };
  validate(def, draft);
  return draft;
}

export function prepareForUpdate(
  def: ResourceDefinition,
  incoming: KubeObject,
  current: KubeObject,
): KubeObject {
  const draft = structuredClone(incoming);
  if (def.subresources.includes('status')) {
    if (current.status === undefined) delete draft.status;
    else draft.status = structuredClone(current.status);
  }
  if (def.key === 'services') {
    const spec = draft.spec as { clusterIP?: string; clusterIPs?: string[] };
    const currentSpec = current.spec as {
      clusterIP?: string;
      clusterIPs?: string[];
    };
    spec.clusterIP ??= currentSpec.clusterIP;
    spec.clusterIPs ??= currentSpec.clusterIPs;
  }
  applyDefaults(def.key, draft);
  validate(def, draft);
  return draft;
}

function validate(def: ResourceDefinition, object: KubeObject): void {
  const { name, generateName } = object.metadata;
  const nameToCheck =
    name || (generateName ? `${generateName}${GENERATED_SUFFIX}` : '');
  const causes = validateObject(def.key, {
    ...object,
    metadata: { ...object.metadata, name: nameToCheck },
  });
  if (causes.length)
    throw statusErrors.invalid(def.kind, def.group, name ?? '', causes);
}

/** Hands out ClusterIPs from 10.96.0.0/12 in creation order, as the service IP allocator would. */
export class ServiceIpAllocator {
  #next = 10;

  assign(service: KubeObject): void {
    const spec = (service.spec ?? {}) as {
      clusterIP?: string;
      clusterIPs?: string[];
      ipFamilies?: string[];
      ipFamilyPolicy?: string;
      type?: string;
    };
    if (spec.type === 'ExternalName') return;
    if (!spec.clusterIP) {
      const n = this.#next++;
      spec.clusterIP = `10.96.${Math.floor(n / 256) % 256}.${n % 256}`;
    }
    spec.clusterIPs ??= spec.clusterIP === 'None' ? ['None'] : [spec.clusterIP];
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    service.spec = spec;
  }
}
