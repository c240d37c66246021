import { ConflictError, NotFoundError } from '@backstage/errors';
import { isDeepStrictEqual } from 'node:util';
import { ANNOTATION_KUBERNETES_ID } from '@meschain/backstage-plugin-scaling-common';
import { KubernetesClient, KubernetesObject, resourcePath } from '../Clusters';
import { resourceTypeOf, ServiceManifest } from './manifestKinds';

/** The field manager the portal's server-side applies are recorded under. */
export const FIELD_MANAGER = 'meschain-portal';

export type ObjectOutcome = 'created' | 'configured' | 'unchanged';

/** One manifest as the cluster would store it, and whether that changes anything. */
export type PlannedObject = {
  manifest: ServiceManifest;
  outcome: ObjectOutcome;
};

/** What the API server sets by itself, and so differs between two equal applies. */
function comparable(object: KubernetesObject) {
  const { resourceVersion, managedFields, generation, ...metadata } =
    object.metadata as KubernetesObject['metadata'] & {
      managedFields?: unknown;
    };
  return { ...object, metadata };
}

function pathOf(manifest: ServiceManifest) {
  return resourcePath(resourceTypeOf(manifest), {
    namespace: manifest.metadata.namespace,
    name: manifest.metadata.name,
  });
}

async function readCurrent(
  client: KubernetesClient,
  manifest: ServiceManifest,
  signal?: AbortSignal,
): Promise<KubernetesObject | undefined> {
  try {
    return await client.get<KubernetesObject>(pathOf(manifest), { signal });
  } catch (error) {
    if (error instanceof NotFoundError) {
      return undefined;
    }
    throw error;
  }
}

function applyManifest(
  client: KubernetesClient,
  manifest: ServiceManifest,
  options: { dryRun: boolean; signal?: AbortSignal },
) {
  return client.patch<KubernetesObject>(pathOf(manifest), manifest, {
    patchType: 'application/apply-patch+yaml',
    fieldManager: FIELD_MANAGER,
    ...options,
  });
}

/**
 * Applies each manifest with a server-side dry run and compares the result
 * with what the cluster holds: the API server's defaulting and merging decide
 * whether an apply would change anything, not a comparison of our own.
 *
 * @throws ConflictError when an object of that name belongs to another service
 */
export async function planInCluster(
  client: KubernetesClient,
  manifests: ServiceManifest[],
  signal?: AbortSignal,
): Promise<PlannedObject[]> {
  const planned: PlannedObject[] = [];
  for (const manifest of manifests) {
    const current = await readCurrent(client, manifest, signal);
    const owner = current?.metadata.labels?.[ANNOTATION_KUBERNETES_ID];
    const service = manifest.metadata.labels[ANNOTATION_KUBERNETES_ID];
    if (current && owner !== service) {
      throw new ConflictError(
        `${manifest.kind} ${manifest.metadata.namespace}/${
          manifest.metadata.name
        } already exists in cluster ${client.clusterName} and belongs to ${
          owner ? `service ${owner}` : 'no service'
        }`,
      );
    }
    const result = await applyManifest(client, manifest, {
      dryRun: true,
      signal,
    });
    let outcome: ObjectOutcome = 'created';
    if (current) {
      outcome = isDeepStrictEqual(comparable(result), comparable(current))
        ? 'unchanged'
        : 'configured';
    }
    planned.push({ manifest, outcome });
  }
  return planned;
}

/** Writes the planned objects that change something, in order. */
export async function writeInCluster(
  client: KubernetesClient,
  planned: PlannedObject[],
  signal?: AbortSignal,
): Promise<void> {
  for (const { manifest, outcome } of planned) {
    if (outcome !== 'unchanged') {
      await applyManifest(client, manifest, { dryRun: false, signal });
    }
  }
}
