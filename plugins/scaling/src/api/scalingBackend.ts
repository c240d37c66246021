import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

/** Calls the scaling backend as the signed-in user; a non-ok answer throws a ResponseError. */
export async function requestScalingBackend<T>(
  apis: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  path: string,
  init?: RequestInit,
): Promise<T> {
  const baseUrl = await apis.discoveryApi.getBaseUrl('scaling');
  const response = await apis.fetchApi.fetch(`${baseUrl}${path}`, init);
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return (await response.json()) as T;
}

export function postJson(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/** The backend's path of an entity: `/entities/{kind}/{namespace}/{name}`, kind lower-cased. */
export function entityPath({
  kind,
  namespace,
  name,
}: CompoundEntityRef): string {
  return `/entities/${[kind.toLocaleLowerCase('en-US'), namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}
