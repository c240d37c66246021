import type { KubeClient } from '../kubeClient';
import {
  anonymize,
  conditionSummary,
  DEPLOYMENTS,
  fixReplicas,
  hashAliases,
  imageOf,
  JSON_PATCH,
  MERGE_PATCH,
  ownedReplicaSets,
  pick,
  send,
  settle,
  templatePatch,
  type DifferentialScenario,
  type ScenarioContext,
} from './helpers';

const NAME = 'analytics-service';
const IMAGE = 'meschain/analytics-service';
const REVISION = 'deployment.kubernetes.io/revision';
/** What `kubectl rollout undo` keeps from the Deployment rather than the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = [
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
];

/** A Deployment and its ReplicaSets as `kubectl rollout status` and `history` read them. */
async function observeDeployment(client: KubeClient, namespace: string) {
  const deployment = await client.expect(
    'GET',
    `${DEPLOYMENTS(namespace)}/${NAME}`,
  );
  const replicaSets = await ownedReplicaSets(
    client,
    namespace,
    deployment,
    REVISION,
  );
  const { status = {}, spec, metadata } = deployment;
  return anonymize(
    {
      revision: metadata.annotations?.[REVISION],
      image: imageOf(spec.template),
      paused: spec.paused ?? false,
      observedCurrentGeneration:
        status.observedGeneration === metadata.generation,
      status: {
        replicas: status.replicas,
        updatedReplicas: status.updatedReplicas,
        readyReplicas: status.readyReplicas,
        availableReplicas: status.availableReplicas,
        unavailableReplicas: status.unavailableReplicas,
      },
      conditions: conditionSummary(status.conditions),
      replicaSets: replicaSets.map(rs => ({
        name: rs.metadata.name,
        image: imageOf(rs.spec.template),
        annotations: pick(rs.metadata.annotations, [
          'deployment.kubernetes.io/',
        ]),
        replicas: rs.spec.replicas,
        readyReplicas: rs.status?.readyReplicas ?? 0,
        availableReplicas: rs.status?.availableReplicas ?? 0,
      })),
    },
    hashAliases(replicaSets, 'pod-template-hash'),
  );
}

type DeploymentObservation = Awaited<ReturnType<typeof observeDeployment>>;

/** `kubectl rollout status`'s test: every replica updated and available, nothing old left. */
function rolledOut(revision: string) {
  return (observed: DeploymentObservation) =>
    observed.revision === revision &&
    observed.observedCurrentGeneration &&
    observed.status.updatedReplicas === 4 &&
    observed.status.replicas === 4 &&
    observed.status.availableReplicas === 4;
}

/** The strategic merge patch `kubectl set image` sends. */
function setImage(client: KubeClient, namespace: string, tag: string) {
  return send(
    client,
    'PATCH',
    `${DEPLOYMENTS(namespace)}/${NAME}`,
    {
      spec: {
        template: {
          spec: { containers: [{ name: NAME, image: `${IMAGE}:${tag}` }] },
        },
      },
    },
    'application/strategic-merge-patch+json',
  );
}

function setPaused(client: KubeClient, namespace: string, paused: boolean) {
  return send(
    client,
    'PATCH',
    `${DEPLOYMENTS(namespace)}/${NAME}`,
    { spec: { paused } },
    MERGE_PATCH,
  );
}

/** `kubectl rollout undo --to-revision`: the ReplicaSet's template and annotations, as kubectl patches them. */
async function undo(client: KubeClient, namespace: string, revision: string) {
  const deployment = await client.expect(
    'GET',
    `${DEPLOYMENTS(namespace)}/${NAME}`,
  );
  const replicaSets = await ownedReplicaSets(
    client,
    namespace,
    deployment,
    REVISION,
  );
  const target = replicaSets.find(
    rs => rs.metadata.annotations?.[REVISION] === revision,
  );
  const annotations: Record<string, string> = {};
  for (const key of ANNOTATIONS_TO_SKIP) {
    const value = deployment.metadata.annotations?.[key];
    if (value !== undefined) annotations[key] = value;
  }
  for (const [key, value] of Object.entries(
    (target?.metadata.annotations ?? {}) as Record<string, string>,
  )) {
    if (!ANNOTATIONS_TO_SKIP.includes(key)) annotations[key] = value;
  }
  return send(
    client,
    'PATCH',
    `${DEPLOYMENTS(namespace)}/${NAME}`,
    [
      templatePatch(target, 'pod-template-hash'),
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ],
    JSON_PATCH,
  );
}

export const DEPLOYMENT_SCENARIOS: DifferentialScenario[] = [
  {
    name: 'rolling update of a Deployment: revisions, pause, resume and undo',
    budgetMs: 600_000,
    async run(client, context: ScenarioContext) {
      const { namespace } = context;
      const observe = () => observeDeployment(client, namespace);
      await fixReplicas(
        client,
        context,
        { collection: DEPLOYMENTS(namespace), name: NAME, replicas: 4 },
        d =>
          d.status?.observedGeneration === d.metadata.generation &&
          d.status?.updatedReplicas === 4 &&
          d.status?.availableReplicas === 4 &&
          d.status?.replicas === 4,
      );

      const setImageAnswer = await setImage(client, namespace, '0.19.0');
      const updated = await settle(context, observe, {
        until: rolledOut('2'),
      });

      const pauseAnswer = await setPaused(client, namespace, true);
      const setImageWhilePaused = await setImage(client, namespace, '0.20.0');
      const paused = await settle(context, observe, {
        until: observed =>
          observed.image === `${IMAGE}:0.20.0` &&
          observed.conditions.some(
            c => c.type === 'Progressing' && c.reason === 'DeploymentPaused',
          ),
      });

      const resumeAnswer = await setPaused(client, namespace, false);
      const resumed = await settle(context, observe, {
        until: rolledOut('3'),
      });

      const undoAnswer = await undo(client, namespace, '1');
      const undone = await settle(context, observe, {
        until: rolledOut('4'),
      });

      return {
        answers: {
          setImageAnswer,
          pauseAnswer,
          setImageWhilePaused,
          resumeAnswer,
          undoAnswer,
        },
        updated,
        paused,
        resumed,
        undone,
      };
    },
  },
];
