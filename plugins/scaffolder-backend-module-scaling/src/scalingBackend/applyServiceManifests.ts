import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ScalingBackendClient,
  ServiceManifestsRequest,
  ServiceManifestsResult,
} from '@meschain/backstage-plugin-scaling-common';

/** Applies a new service's manifests through the scaling backend. */
export type ServiceManifestsApplier = (
  request: ServiceManifestsRequest,
  onBehalfOf: BackstageCredentials,
) => Promise<ServiceManifestsResult>;

/**
 * The scaling backend holds the cluster credentials, the write permission
 * and the audit trail, so the scaffolder asks it to apply, on behalf of the
 * user who runs the template.
 */
export function scalingBackendApplier(options: {
  auth: AuthService;
  discovery: DiscoveryService;
}): ServiceManifestsApplier {
  const client = new ScalingBackendClient({ discoveryApi: options.discovery });
  return async (request, onBehalfOf) => {
    const { token } = await options.auth.getPluginRequestToken({
      onBehalfOf,
      targetPluginId: 'scaling',
    });
    const response = await client.applyServiceManifests(
      { body: request },
      { token },
    );
    if (!response.ok) {
      // The backend's own error says which region or field failed; the task log shows it.
      const failure = await ResponseError.fromResponse(response);
      throw failure.cause ?? failure;
    }
    return response.json();
  };
}
