import { stringify } from 'yaml';
import { ANNOTATION_KUBERNETES_ID } from '../annotations';
import {
  RolloutStrategySpec,
  RolloutStrategyTemplate,
  SERVICE_PLACEHOLDER,
} from './strategyTemplates';

/** @public The service a strategy template is rendered for. */
export type RolloutServiceSpec = {
  /** A DNS-1123 label: the Rollout's, container's and Services' name. */
  name: string;
  namespace: string;
  image: string;
  replicas: number;
  /** The container's `http` port; 8080 when absent. */
  port?: number;
  /** The container's requests and limits, e.g. `{ requests: { cpu: '250m' } }`. */
  resources?: ContainerResources;
};

/** @public A container's compute requests and limits, as Kubernetes quantities. */
export type ContainerResources = {
  requests?: { cpu?: string; memory?: string };
  limits?: { cpu?: string; memory?: string };
};

/** @public The pod template a service's workload runs, whatever its kind. */
export type RenderedPodTemplate = {
  metadata: { labels: Record<string, string> };
  spec: {
    containers: Array<{
      name: string;
      image: string;
      ports: Array<{ name: string; containerPort: number }>;
      resources?: ContainerResources;
    }>;
  };
};

/** @public An `argoproj.io/v1alpha1` Rollout as the renderer writes it. */
export type RenderedRollout = {
  apiVersion: 'argoproj.io/v1alpha1';
  kind: 'Rollout';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    replicas: number;
    revisionHistoryLimit: number;
    selector: { matchLabels: Record<string, string> };
    template: RenderedPodTemplate;
    strategy: RolloutStrategySpec;
    rollbackWindow?: { revisions: number };
  };
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Every string in the strategy, with the placeholder replaced by the service's name. */
function withServiceName<T>(value: T, name: string): T {
  return JSON.parse(
    JSON.stringify(value, (_key, field) =>
      typeof field === 'string'
        ? field.split(SERVICE_PLACEHOLDER).join(name)
        : field,
    ),
  );
}

/**
 * @public
 * The labels, selector and pod template of the service's workload: the same
 * for a Rollout and a Deployment, so a service can move between them.
 *
 * @throws TypeError naming the field when the service's name, replicas or port is invalid
 */
export function renderWorkloadParts(service: RolloutServiceSpec): {
  labels: Record<string, string>;
  selector: { matchLabels: Record<string, string> };
  template: RenderedPodTemplate;
} {
  if (!DNS_LABEL.test(service.name)) {
    throw new TypeError(
      `name: ${JSON.stringify(
        service.name,
      )} must be a DNS-1123 label (lower-case letters, digits and '-', at most 63)`,
    );
  }
  if (!Number.isInteger(service.replicas) || service.replicas < 0) {
    throw new TypeError(
      `replicas: must be a whole number of at least 0, got ${service.replicas}`,
    );
  }
  const port = service.port ?? 8080;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new TypeError(`port: must be between 1 and 65535, got ${port}`);
  }
  const labels = {
    'app.kubernetes.io/name': service.name,
    [ANNOTATION_KUBERNETES_ID]: service.name,
  };
  return {
    labels,
    selector: { matchLabels: { 'app.kubernetes.io/name': service.name } },
    template: {
      metadata: { labels },
      spec: {
        containers: [
          {
            name: service.name,
            image: service.image,
            ports: [{ name: 'http', containerPort: port }],
            ...(service.resources && { resources: service.resources }),
          },
        ],
      },
    },
  };
}

/**
 * @public
 * A Rollout running the service with the template's strategy.
 *
 * @throws TypeError naming the field when the service's name, replicas or port is invalid
 */
export function renderRollout(
  template: RolloutStrategyTemplate,
  service: RolloutServiceSpec,
): RenderedRollout {
  const { labels, selector, template: pod } = renderWorkloadParts(service);
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: service.name, namespace: service.namespace, labels },
    spec: {
      replicas: service.replicas,
      revisionHistoryLimit: 10,
      selector,
      template: pod,
      strategy: withServiceName(template.spec, service.name),
      ...(template.rollbackWindow && {
        rollbackWindow: template.rollbackWindow,
      }),
    },
  };
}

/** @public {@link renderRollout} as a YAML document. */
export function renderRolloutYaml(
  template: RolloutStrategyTemplate,
  service: RolloutServiceSpec,
): string {
  return stringify(renderRollout(template, service));
}
