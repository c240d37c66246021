import { ClusterObject, ReliabilityTarget } from './target';

/** The workload objects a write of the suite can change. */
const COLLECTIONS = [
  { kind: 'Deployment', path: '/apis/apps/v1/namespaces/{ns}/deployments' },
  {
    kind: 'HorizontalPodAutoscaler',
    path: '/apis/autoscaling/v2/namespaces/{ns}/horizontalpodautoscalers',
  },
  {
    kind: 'Rollout',
    path: '/apis/argoproj.io/v1alpha1/namespaces/{ns}/rollouts',
  },
];

/**
 * What a write changes, keyed by region, kind and name. On clusters at rest, the
 * resourceVersion, which any change moves. On live ones, whose controllers keep writing status
 * and scale workloads under an HPA, the labels, annotations and spec less the replicas an HPA
 * sets.
 */
function fingerprint(
  object: ClusterObject,
  atRest: boolean,
  autoscaled: boolean,
) {
  if (atRest) return object.metadata.resourceVersion;
  const { replicas, ...spec } = object.spec ?? {};
  return JSON.stringify({
    labels: object.metadata.labels,
    annotations: object.metadata.annotations,
    spec: autoscaled ? spec : { ...spec, replicas },
  });
}

export type ClusterSnapshot = Map<string, string>;

export async function snapshotClusters(
  target: ReliabilityTarget,
): Promise<ClusterSnapshot> {
  const snapshot: ClusterSnapshot = new Map();
  for (const region of target.regions) {
    const [deployments, autoscalers, rollouts] = await Promise.all(
      COLLECTIONS.map(c =>
        target.readClusterList(
          region,
          c.path.replace('{ns}', target.workloadNamespace),
        ),
      ),
    );
    const autoscaled = new Set(
      autoscalers.map(
        hpa =>
          (hpa.spec?.scaleTargetRef as { name?: string } | undefined)?.name,
      ),
    );
    [deployments, autoscalers, rollouts].forEach((objects, index) => {
      for (const object of objects) {
        snapshot.set(
          `${region} ${COLLECTIONS[index].kind} ${object.metadata.name}`,
          fingerprint(
            object,
            target.clustersAtRest,
            index !== 1 && autoscaled.has(object.metadata.name),
          ),
        );
      }
    });
  }
  return snapshot;
}

/** The objects created, deleted or changed between two snapshots. */
export function changedObjects(
  before: ClusterSnapshot,
  after: ClusterSnapshot,
): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter(key => before.get(key) !== after.get(key)).sort();
}
