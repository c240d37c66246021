import type {
  EntityScalingState,
  WorkloadScalingState,
} from '@meschain/backstage-plugin-scaling-common';
import { callApi } from './portalApi';

export function entityPath(service: string) {
  return `/api/scaling/entities/component/default/${service}`;
}

/** The scaling state of a service through `baseUrl`. */
export async function scalingState(
  baseUrl: string,
  service: string,
  token: string,
): Promise<EntityScalingState> {
  const answer = await callApi<EntityScalingState>(
    baseUrl,
    `${entityPath(service)}/scaling`,
    { token },
  );
  if (answer.status !== 200) {
    throw new Error(
      `Reading the scaling state of ${service} answered ${
        answer.status
      }: ${JSON.stringify(answer.body)}`,
    );
  }
  return answer.body;
}

const NAMESPACE = 'meschain-sync';

/**
 * Adds a Deployment without an HPA to a service in one of the sandbox's clusters, as its team's
 * pipeline would: every workload of the fleet has an HPA, which owns its replicas, and a scale
 * request needs one that does not. `remove` deletes it.
 */
export async function addProbeDeployment(options: {
  sandboxUrl: string;
  region: string;
  service: string;
  replicas?: number;
}) {
  const { sandboxUrl, region, service } = options;
  const name = `${service}-probe-${Date.now().toString(36)}`;
  const labels = { 'backstage.io/kubernetes-id': service, app: name };
  const base = `${sandboxUrl}/clusters/${region}/apis/apps/v1/namespaces/${NAMESPACE}/deployments`;
  const headers = {
    Authorization: `Bearer sandbox-token-${region}`,
    'Content-Type': 'application/json',
  };
  const response = await fetch(base, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: NAMESPACE, labels },
      spec: {
        replicas: options.replicas ?? 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'app',
                image: `meschain/${service}:probe`,
                resources: { requests: { cpu: '50m', memory: '64Mi' } },
              },
            ],
          },
        },
      },
    }),
  });
  if (!response.ok) {
    throw new Error(
      `The sandbox did not create ${name}: ${
        response.status
      } ${await response.text()}`,
    );
  }
  return {
    name,
    namespace: NAMESPACE,
    cluster: `meschain-${region}`,
    /** The Deployment's replicas as the cluster has them, read behind the portal's back. */
    async replicas(): Promise<number> {
      const live = await fetch(`${base}/${name}`, { headers });
      return (await live.json()).spec.replicas;
    },
    /**
     * The Deployment's resourceVersion once its rollout has settled (the controller has seen
     * the spec and every replica is updated and available), so that no status update is due.
     */
    async settledVersion(): Promise<string | undefined> {
      const live = await (await fetch(`${base}/${name}`, { headers })).json();
      const { spec, status = {}, metadata } = live;
      const settled =
        status.observedGeneration === metadata.generation &&
        (status.updatedReplicas ?? 0) === spec.replicas &&
        (status.availableReplicas ?? 0) === spec.replicas &&
        (status.replicas ?? 0) === spec.replicas;
      return settled ? metadata.resourceVersion : undefined;
    },
    async remove() {
      await fetch(`${base}/${name}`, { method: 'DELETE', headers });
    },
  };
}

export type ProbeDeployment = Awaited<ReturnType<typeof addProbeDeployment>>;

/** The workload as `baseUrl` reports it now. */
export async function currentWorkload(
  baseUrl: string,
  service: string,
  target: { cluster: string; workload: { name: string; namespace: string } },
  token: string,
): Promise<WorkloadScalingState & { observedAt?: string }> {
  const state = await scalingState(baseUrl, service, token);
  const cluster = state.clusters.find(c => c.cluster === target.cluster);
  const workload = cluster?.workloads?.find(
    w =>
      w.name === target.workload.name &&
      w.namespace === target.workload.namespace,
  );
  if (!workload) {
    throw new Error(
      `${target.workload.name} is not in ${target.cluster}: ${JSON.stringify(
        cluster,
      )}`,
    );
  }
  return { ...workload, observedAt: cluster!.observedAt };
}

export function scaleRequest(
  probe: ProbeDeployment,
  replicas: number,
  resourceVersion: string,
) {
  return {
    cluster: probe.cluster,
    workload: {
      kind: 'Deployment',
      namespace: probe.namespace,
      name: probe.name,
    },
    replicas,
    resourceVersion,
  };
}
