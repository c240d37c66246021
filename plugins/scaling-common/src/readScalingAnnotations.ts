import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_DEPLOYMENT_STRATEGY,
  ANNOTATION_KUBERNETES_CLUSTER,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_KUBERNETES_NAMESPACE,
  ANNOTATION_ON_CALL,
  ANNOTATION_REGIONS,
  ANNOTATION_SCALING_POLICY,
} from './annotations';
import type { AnnotationProblem, WorkloadSelector } from './schema/openapi';
import {
  DEPLOYMENT_STRATEGIES,
  DeploymentStrategy,
  SCALING_POLICY_KINDS,
  ScalingPolicyKind,
} from './types';

const READ_ANNOTATIONS = [
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_KUBERNETES_NAMESPACE,
  ANNOTATION_KUBERNETES_CLUSTER,
  ANNOTATION_REGIONS,
  ANNOTATION_SCALING_POLICY,
  ANNOTATION_DEPLOYMENT_STRATEGY,
  ANNOTATION_ON_CALL,
];

/** @public What an entity's annotations say about its scaling. */
export interface ScalingAnnotations {
  workload: WorkloadSelector;
  regions: string[];
  scalingPolicy?: ScalingPolicyKind;
  deploymentStrategy?: DeploymentStrategy;
  onCall: string[];
  problems: AnnotationProblem[];
  annotations: Record<string, string>;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(item => item.trim())
    .filter(Boolean);
}

function readChoice<T extends string>(
  annotations: Record<string, string>,
  annotation: string,
  allowed: readonly T[],
  problems: AnnotationProblem[],
): T | undefined {
  const value = annotations[annotation];
  if (value === undefined) {
    return undefined;
  }
  if ((allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  problems.push({
    annotation,
    message: `"${value}" is not one of ${allowed.join(', ')}`,
  });
  return undefined;
}

/**
 * Reads the scaling annotations of a catalog entity. Unknown values are
 * reported as problems instead of failing, so a typo in one annotation does
 * not hide the rest of the service's scaling facts.
 *
 * @public
 */
export function readScalingAnnotations(entity: Entity): ScalingAnnotations {
  const all = entity.metadata.annotations ?? {};
  const problems: AnnotationProblem[] = [];
  const annotations = Object.fromEntries(
    READ_ANNOTATIONS.filter(name => all[name] !== undefined).map(name => [
      name,
      all[name],
    ]),
  );

  return {
    workload: {
      kubernetesId: all[ANNOTATION_KUBERNETES_ID],
      labelSelector: all[ANNOTATION_KUBERNETES_LABEL_SELECTOR],
      namespace: all[ANNOTATION_KUBERNETES_NAMESPACE],
      cluster: all[ANNOTATION_KUBERNETES_CLUSTER],
    },
    regions: splitList(all[ANNOTATION_REGIONS]),
    scalingPolicy: readChoice(
      all,
      ANNOTATION_SCALING_POLICY,
      SCALING_POLICY_KINDS,
      problems,
    ),
    deploymentStrategy: readChoice(
      all,
      ANNOTATION_DEPLOYMENT_STRATEGY,
      DEPLOYMENT_STRATEGIES,
      problems,
    ),
    onCall: splitList(all[ANNOTATION_ON_CALL]),
    problems,
    annotations,
  };
}
