import {
  DEPLOYMENTS,
  HPAS,
  ROLLOUTS,
  statusAnswer,
  type DifferentialScenario,
} from './helpers';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

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

export const REQUEST_SCENARIOS: DifferentialScenario[] = [
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
        stale: statusAnswer(stale),
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
          statusAnswer(await client.request('POST', HPAS(namespace), hpa)),
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
      return statusAnswer(answer);
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
