import type { KubeClient, KubeResponse } from '../kubeClient';

/**
 * A scenario runs the same requests against one cluster and returns what a client can observe,
 * with what legitimately differs between two clusters (uids, timestamps, resource versions)
 * left out, so that the sandbox's and the real cluster's observations compare field by field.
 */
export interface DifferentialScenario {
  name: string;
  run(client: KubeClient, context: ScenarioContext): Promise<unknown>;
}

export interface ScenarioContext {
  namespace: string;
}

const HPAS = (namespace: string) =>
  `/apis/autoscaling/v2/namespaces/${namespace}/horizontalpodautoscalers`;
const DEPLOYMENTS = (namespace: string) =>
  `/apis/apps/v1/namespaces/${namespace}/deployments`;
const ROLLOUTS = (namespace: string) =>
  `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/rollouts`;

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

/** A Status answer as a client reads it. */
function status({ status: code, body }: KubeResponse) {
  return {
    httpStatus: code,
    kind: body?.kind,
    status: body?.status,
    reason: body?.reason,
    code: body?.code,
    message: body?.message,
    details: body?.details && {
      ...body.details,
      causes: body.details.causes && [...body.details.causes].sort(byField),
    },
  };
}

function byField(
  a: { field?: string; message?: string },
  b: { field?: string; message?: string },
) {
  return `${a.field}${a.message}`.localeCompare(`${b.field}${b.message}`);
}

function invalidHpa(name: string, spec: Record<string, unknown>) {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name },
    spec: {
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'analytics-service',
      },
      ...spec,
    },
  };
}

export const DIFFERENTIAL_SCENARIOS: DifferentialScenario[] = [
  {
    name: '409 on a stale resourceVersion',
    async run(client, { namespace }) {
      const path = `${HPAS(namespace)}/analytics-service`;
      const hpa = (await client.request('GET', path)).body;
      const withMax = (maxReplicas: number) => ({
        ...hpa,
        spec: { ...hpa.spec, maxReplicas },
      });
      const first = await client.request(
        'PUT',
        path,
        withMax(hpa.spec.maxReplicas + 1),
      );
      const stale = await client.request(
        'PUT',
        path,
        withMax(hpa.spec.maxReplicas + 2),
      );
      const after = (await client.request('GET', path)).body;
      return {
        first: first.status,
        stale: status(stale),
        maxReplicasAfter: after.spec.maxReplicas - hpa.spec.maxReplicas,
      };
    },
  },
  {
    name: '422 causes for invalid HPAs',
    async run(client, { namespace }) {
      const cases = [
        invalidHpa('zero-min', { minReplicas: 0, maxReplicas: 3 }),
        invalidHpa('max-below-min', { minReplicas: 5, maxReplicas: 2 }),
        invalidHpa('bad-metric', {
          minReplicas: 1,
          maxReplicas: 3,
          metrics: [
            {
              type: 'Resource',
              resource: {
                name: 'cpu',
                target: { type: 'Utilization', averageUtilization: -5 },
              },
            },
          ],
        }),
        invalidHpa('no-target-kind', {
          maxReplicas: 3,
          scaleTargetRef: { name: 'x' },
        }),
      ];
      const answers = [];
      for (const hpa of cases)
        answers.push(
          status(await client.request('POST', HPAS(namespace), hpa)),
        );
      return answers;
    },
  },
  {
    name: '422 causes for an invalid Rollout',
    async run(client, { namespace }) {
      const answer = await client.request('POST', ROLLOUTS(namespace), {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Rollout',
        metadata: { name: 'typo-rollout' },
        spec: { replicas: 'three', selector: { matchLabels: { app: 'typo' } } },
      });
      return status(answer);
    },
  },
  {
    name: 'server-side dry run of a scale',
    async run(client, { namespace }) {
      const path = `${DEPLOYMENTS(namespace)}/analytics-service/scale`;
      const before = (await client.request('GET', path)).body;
      const dryRun = await client.request(
        'PATCH',
        `${path}?dryRun=All`,
        { spec: { replicas: before.spec.replicas + 3 } },
        'application/merge-patch+json',
      );
      const after = (await client.request('GET', path)).body;
      return {
        httpStatus: dryRun.status,
        kind: dryRun.body.kind,
        apiVersion: dryRun.body.apiVersion,
        answeredReplicas: dryRun.body.spec.replicas - before.spec.replicas,
        storedReplicas: after.spec.replicas - before.spec.replicas,
        sameResourceVersion:
          after.metadata.resourceVersion === before.metadata.resourceVersion,
      };
    },
  },
  {
    name: 'kubectl get tables',
    async run(client, { namespace }) {
      const tables = [];
      for (const path of [
        DEPLOYMENTS(namespace),
        HPAS(namespace),
        ROLLOUTS(namespace),
      ]) {
        const { body } = await client.request(
          'GET',
          path,
          undefined,
          undefined,
          TABLE,
        );
        tables.push({
          kind: body.kind,
          columns: body.columnDefinitions?.map(
            (c: any) => `${c.name}:${c.type}:${c.priority}`,
          ),
          names: body.rows?.map((row: any) => row.cells[0]).sort(),
        });
      }
      return tables;
    },
  },
];
