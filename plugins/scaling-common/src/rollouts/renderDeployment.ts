import { renderWorkloadParts, RolloutServiceSpec } from './renderRollout';

/** @public An `apps/v1` Deployment as the renderer writes it: the `rolling` strategy. */
export type RenderedDeployment = {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    replicas: number;
    revisionHistoryLimit: number;
    selector: ReturnType<typeof renderWorkloadParts>['selector'];
    template: ReturnType<typeof renderWorkloadParts>['template'];
    strategy: {
      type: 'RollingUpdate';
      rollingUpdate: { maxSurge: string; maxUnavailable: number };
    };
  };
};

/**
 * @public
 * A Deployment running the service with a rolling update that never drops
 * below the wanted replicas, with the same pod template a Rollout would run.
 *
 * @throws TypeError naming the field when the service's name, replicas or port is invalid
 */
export function renderDeployment(
  service: RolloutServiceSpec,
): RenderedDeployment {
  const { labels, selector, template } = renderWorkloadParts(service);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: service.name, namespace: service.namespace, labels },
    spec: {
      replicas: service.replicas,
      revisionHistoryLimit: 10,
      selector,
      template,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 },
      },
    },
  };
}
