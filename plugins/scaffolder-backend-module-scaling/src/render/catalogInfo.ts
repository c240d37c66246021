import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_DEPLOYMENT_STRATEGY,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_NAMESPACE,
  ANNOTATION_ON_CALL,
  ANNOTATION_REGIONS,
  ANNOTATION_SCALING_POLICY,
  LABEL_TIER,
  readScalingAnnotations,
} from '@meschain/backstage-plugin-scaling-common';
import { ServiceParameters } from './types';

/**
 * The service's catalog entity, with the suite's annotations, read back with
 * the suite's own reader so that the Scaling tab will accept it.
 *
 * @throws InputError naming the annotation the reader refuses
 */
export function renderCatalogInfo(
  parameters: ServiceParameters,
  deploymentStrategy: string,
): Entity {
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: parameters.name,
      ...(parameters.title && { title: parameters.title }),
      ...(parameters.description && { description: parameters.description }),
      labels: { [LABEL_TIER]: parameters.tier },
      annotations: {
        [ANNOTATION_KUBERNETES_ID]: parameters.name,
        [ANNOTATION_KUBERNETES_NAMESPACE]: parameters.namespace,
        [ANNOTATION_REGIONS]: parameters.regions.join(','),
        [ANNOTATION_SCALING_POLICY]: parameters.scaling.preset,
        [ANNOTATION_DEPLOYMENT_STRATEGY]: deploymentStrategy,
        ...(parameters.onCall.length > 0 && {
          [ANNOTATION_ON_CALL]: parameters.onCall
            .map(ref =>
              stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'user' })),
            )
            .join(','),
        }),
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'experimental',
      owner: parameters.owner,
      ...(parameters.system && { system: parameters.system }),
    },
  };
  const { problems } = readScalingAnnotations(entity);
  if (problems.length > 0) {
    throw new InputError(
      problems
        .map(problem => `${problem.annotation}: ${problem.message}`)
        .join('; '),
    );
  }
  return entity;
}
