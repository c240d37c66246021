import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { V1Status } from '@kubernetes/client-node';

/** Which request failed, for the error's message. `path` is without its query string. */
export type KubernetesRequestDescription = {
  clusterName: string;
  method: string;
  path: string;
};

/** The API server's own answer to a failed request. */
export type KubernetesFailure = {
  httpStatus: number;
  /** Absent when something other than the API server answered, e.g. a proxy. */
  status?: V1Status;
};

// Kept beside the error rather than as its `cause`: `@backstage/errors`
// appends a cause to the message, which would repeat the API server's words.
const failures = new WeakMap<Error, KubernetesFailure>();

/**
 * The API server's answer behind an error of the Kubernetes client, for a
 * caller that needs its details (a field's validation message, a reason).
 */
export function kubernetesFailureOf(
  error: unknown,
): KubernetesFailure | undefined {
  return error instanceof Error ? failures.get(error) : undefined;
}

/** Reads a response body as a `Status`, if it is one. */
export function parseKubernetesStatus(body: string): V1Status | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as { kind?: unknown }).kind === 'Status'
    ) {
      return parsed as V1Status;
    }
  } catch {
    // Not JSON: a proxy or load balancer answered instead of the API server.
  }
  return undefined;
}

function describeCauses(status: V1Status | undefined): string {
  const causes = status?.details?.causes ?? [];
  const message = status?.message ?? '';
  const missing = causes
    .map(cause =>
      cause.field ? `${cause.field}: ${cause.message ?? ''}` : cause.message,
    )
    .filter((text): text is string => !!text && !message.includes(text));
  return missing.length > 0 ? ` (${missing.join('; ')})` : '';
}

/**
 * Maps a failed response to the `@backstage/errors` error that says the same
 * thing, so that a router answers with a fitting status code. The cluster's
 * authentication failures are not the caller's: they become 403 with a
 * message that names the cluster, never 401.
 */
export function errorFromResponse(
  request: KubernetesRequestDescription,
  httpStatus: number,
  status: V1Status | undefined,
): Error {
  const error = errorForStatusCode(request, httpStatus, status);
  failures.set(error, { httpStatus, status });
  return error;
}

function errorForStatusCode(
  request: KubernetesRequestDescription,
  httpStatus: number,
  status: V1Status | undefined,
): Error {
  const { clusterName, method, path } = request;
  const detail = status?.message ?? `HTTP status ${httpStatus}`;

  switch (httpStatus) {
    case 400:
    case 422:
      return new InputError(
        `Cluster ${clusterName} rejected the request: ${detail}${describeCauses(
          status,
        )}`,
      );
    case 401:
      return new NotAllowedError(
        `Cluster ${clusterName} did not accept the scaling backend's credentials (401 Unauthorized); check the cluster's service-account token`,
      );
    case 403:
      return new NotAllowedError(
        `Cluster ${clusterName} forbids the scaling backend's service account to ${method} ${path}: ${detail}`,
      );
    case 404:
      return new NotFoundError(`Cluster ${clusterName}: ${detail}`);
    case 409:
    case 410:
      return new ConflictError(`Cluster ${clusterName}: ${detail}`);
    default:
      return new ServiceUnavailableError(
        `Cluster ${clusterName} answered ${method} ${path} with ${httpStatus}${
          status?.reason ? ` ${status.reason}` : ''
        }: ${detail}`,
      );
  }
}

/**
 * Maps a request that got no answer (refused, reset, timed out) to a 503
 * naming the cluster and the cause. The cause is in the message only: its
 * stack would say nothing more, and a user sees the message.
 */
export function errorFromFailedRequest(
  request: KubernetesRequestDescription,
  cause: unknown,
  timeoutMs: number | undefined,
): ServiceUnavailableError {
  const { clusterName, method, path } = request;
  if (timeoutMs !== undefined) {
    return new ServiceUnavailableError(
      `Cluster ${clusterName} did not answer ${method} ${path} within ${timeoutMs} ms`,
    );
  }
  const code = (cause as { code?: unknown } | undefined)?.code;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ServiceUnavailableError(
    `Cluster ${clusterName} is unreachable (${method} ${path}): ${reason}${
      typeof code === 'string' && !reason.includes(code) ? ` [${code}]` : ''
    }`,
  );
}

/** A success answer that is not JSON came from something other than an API server, e.g. a proxy's login page. */
export function errorFromMalformedBody(
  request: KubernetesRequestDescription,
): ServiceUnavailableError {
  const { clusterName, method, path } = request;
  return new ServiceUnavailableError(
    `Cluster ${clusterName} answered ${method} ${path} with a body that is not JSON; is its URL an API server?`,
  );
}
