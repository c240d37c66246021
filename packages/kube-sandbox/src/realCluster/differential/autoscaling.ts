import type { KubeClient } from '../kubeClient';
import {
  conditionSummary,
  DEPLOYMENTS,
  fixReplicas,
  HPAS,
  recordChanges,
  type DifferentialScenario,
  type ScenarioContext,
} from './helpers';

/**
 * How often both clusters' HPA controllers evaluate each HPA in this suite: upstream's default is
 * 15 s (`--horizontal-pod-autoscaler-sync-period`), a third of it keeps the scenario short. The
 * behavior below is written in sync periods, so its outcome does not depend on the figure.
 */
export const DIFFERENTIAL_HPA_SYNC_PERIOD_MS = 5_000;
const SYNC_SECONDS = DIFFERENTIAL_HPA_SYNC_PERIOD_MS / 1000;

/**
 * A Deployment none of the other scenarios touches. Its pods request 250m of CPU, may use 500m
 * (the limit, where the load model saturates them), idle at 25m (10 %) and add 2.5m (1 %) per
 * request per second they serve.
 */
const NAME = 'logging-service';

/** The window metrics-server (and the sandbox's and the adapter's metrics APIs) reports over. */
const METRIC_WINDOW_MS = 15_000;

/** The scripted load, as the whole service's requests per second. */
const LOAD = {
  /** About 40 % per pod on 3 pods (±1.5 % of load-balancer imbalance): within the tolerance. */
  steady: 90,
  /** Every ready pod saturated at 200 %, five times the target. */
  surge: 100_000,
  /** Every pod idle at 10 %, a quarter of the target. */
  drop: 0,
};

/**
 * The HPA under test. Scale-up adds at most 2 pods and scale-down removes at most 3 per
 * evaluation (the policies' 1 s periods are over by the next sync), and a scale-down waits for
 * three sync periods of lower recommendations, so that both clusters take the same steps
 * whichever instant within a period their controller evaluates at.
 */
const AUTOSCALER = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: NAME },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: NAME },
    minReplicas: 2,
    maxReplicas: 8,
    metrics: [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: 40 },
        },
      },
    ],
    behavior: {
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [{ type: 'Pods', value: 2, periodSeconds: 1 }],
      },
      scaleDown: {
        stabilizationWindowSeconds: 3 * SYNC_SECONDS,
        selectPolicy: 'Max',
        policies: [{ type: 'Pods', value: 3, periodSeconds: 1 }],
      },
    },
  },
};

/** The HPA's status as `kubectl describe hpa` shows it, without times and metric values. */
function statusSummary(status: any = {}) {
  return {
    currentReplicas: status.currentReplicas,
    desiredReplicas: status.desiredReplicas,
    observedGeneration: status.observedGeneration,
    scaled: status.lastScaleTime !== undefined,
    // The values depend on each pod's share of the traffic, which follows its generated name.
    currentMetrics:
      status.currentMetrics === null
        ? null
        : status.currentMetrics?.map((metric: any) => ({
            type: metric.type,
            name: metric.resource?.name,
            current: Object.keys(metric.resource?.current ?? {}).sort(),
          })),
    conditions: conditionSummary(status.conditions),
  };
}

type HpaObservation = ReturnType<typeof statusSummary>;

function condition(observed: HpaObservation, type: string) {
  return observed.conditions.find(c => c.type === type);
}

/** The events about one HPA, oldest first, as `kubectl describe hpa` lists them. */
async function eventsAbout(client: KubeClient, namespace: string, uid: string) {
  const list = await client.expect(
    'GET',
    `/api/v1/namespaces/${namespace}/events?fieldSelector=${encodeURIComponent(
      `involvedObject.uid=${uid}`,
    )}`,
  );
  return (list.items as any[])
    .sort((a, b) =>
      `${a.firstTimestamp}${a.metadata.name}`.localeCompare(
        `${b.firstTimestamp}${b.metadata.name}`,
      ),
    )
    .map(event => ({
      type: event.type,
      reason: event.reason,
      message: event.message,
      count: event.count,
      source: event.source?.component,
      involvedObject: {
        apiVersion: event.involvedObject.apiVersion,
        kind: event.involvedObject.kind,
        name: event.involvedObject.name,
      },
    }));
}

/**
 * Lets the HPA work under one load until `until` holds and a full sync period brings nothing new,
 * and answers every state its status went through on the way.
 */
function runUnderLoad(
  client: KubeClient,
  context: ScenarioContext,
  requestsPerSecond: number,
  until: (observed: HpaObservation) => boolean,
) {
  context.holdLoad(NAME, requestsPerSecond);
  return recordChanges(
    context,
    async () =>
      statusSummary(
        (await client.expect('GET', `${HPAS(context.namespace)}/${NAME}`))
          .status,
      ),
    {
      until,
      timeoutMs: 90_000,
      pollMs: 1_000,
      quietPolls: SYNC_SECONDS + 2,
    },
  );
}

export const AUTOSCALING_SCENARIOS: DifferentialScenario[] = [
  {
    name: 'HPA under a scripted CPU load: steady, surge and drop',
    budgetMs: 300_000,
    async run(client, context) {
      const { namespace } = context;
      const { minReplicas, maxReplicas } = AUTOSCALER.spec;
      await fixReplicas(
        client,
        context,
        { collection: DEPLOYMENTS(namespace), name: NAME, replicas: 3 },
        d =>
          d.status?.observedGeneration === d.metadata.generation &&
          d.status?.replicas === 3 &&
          d.status?.availableReplicas === 3,
      );
      // Upstream ignores a pod's CPU while a metric window (15 s) has not passed since it
      // turned Ready; after this, every pod counts from the HPA's first evaluation on.
      await context.elapse(METRIC_WINDOW_MS + 5_000);
      const created = await client.expect('POST', HPAS(namespace), AUTOSCALER);
      const evaluated = (observed: HpaObservation) =>
        condition(observed, 'ScalingActive') !== undefined;
      const steady = await runUnderLoad(
        client,
        context,
        LOAD.steady,
        evaluated,
      );
      const surge = await runUnderLoad(
        client,
        context,
        LOAD.surge,
        observed =>
          observed.desiredReplicas === maxReplicas &&
          condition(observed, 'AbleToScale')?.reason === 'ReadyForNewScale',
      );
      const drop = await runUnderLoad(
        client,
        context,
        LOAD.drop,
        observed =>
          observed.desiredReplicas === minReplicas &&
          condition(observed, 'AbleToScale')?.reason === 'ReadyForNewScale',
      );
      context.holdLoad(NAME, undefined);
      const deployment = await client.expect(
        'GET',
        `${DEPLOYMENTS(namespace)}/${NAME}`,
      );

      return {
        createdWithStatus: created.status,
        steady,
        surge,
        drop,
        deploymentReplicas: deployment.spec.replicas,
        events: await eventsAbout(client, namespace, created.metadata.uid),
      };
    },
  },
];
