import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AutoscalerBoundsRequest,
  AutoscalerBoundsResult,
  EntityScalingState,
  PolicyApplyRequest,
  PolicyApplyResult,
  PolicyDeleteResult,
  ScaleRequest,
  ScaleResult,
  ScalingEntityFacts,
  ScalingHistory,
  ScalingOptions,
} from '@meschain/backstage-plugin-scaling-common';
import { ScalingApi } from './ScalingApi';

/** @public Talks to the scaling backend with the signed-in user's identity. */
export class ScalingClient implements ScalingApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityFacts(
    entityRef: CompoundEntityRef,
  ): Promise<ScalingEntityFacts> {
    return this.request(`${entityPath(entityRef)}/facts`);
  }

  async getEntityScaling(
    entityRef: CompoundEntityRef,
  ): Promise<EntityScalingState> {
    return this.request(`${entityPath(entityRef)}/scaling`);
  }

  async getScalingOptions(
    entityRef: CompoundEntityRef,
  ): Promise<ScalingOptions> {
    return this.request(`${entityPath(entityRef)}/scaling/options`);
  }

  async scaleWorkload(
    entityRef: CompoundEntityRef,
    request: ScaleRequest,
  ): Promise<ScaleResult> {
    return this.request(`${entityPath(entityRef)}/scale`, postJson(request));
  }

  async setAutoscalerBounds(
    entityRef: CompoundEntityRef,
    request: AutoscalerBoundsRequest,
  ): Promise<AutoscalerBoundsResult> {
    return this.request(
      `${entityPath(entityRef)}/autoscaler-bounds`,
      postJson(request),
    );
  }

  async applyPolicy(
    entityRef: CompoundEntityRef,
    request: PolicyApplyRequest,
  ): Promise<PolicyApplyResult> {
    return this.request(`${entityPath(entityRef)}/policy`, postJson(request));
  }

  async deletePolicy(
    entityRef: CompoundEntityRef,
    regions: string[],
  ): Promise<PolicyDeleteResult> {
    const query = new URLSearchParams({ regions: regions.join(',') });
    return this.request(`${entityPath(entityRef)}/policy?${query}`, {
      method: 'DELETE',
    });
  }

  async getHistory(
    entityRef: CompoundEntityRef,
    options: { limit?: number } = {},
  ): Promise<ScalingHistory> {
    const query =
      options.limit === undefined
        ? ''
        : `?${new URLSearchParams({ limit: String(options.limit) })}`;
    return this.request(`${entityPath(entityRef)}/history${query}`);
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('scaling');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function postJson(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

export function entityPath({
  kind,
  namespace,
  name,
}: CompoundEntityRef): string {
  return `/entities/${[kind.toLocaleLowerCase('en-US'), namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}
