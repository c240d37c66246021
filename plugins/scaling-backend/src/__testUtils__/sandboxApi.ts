import { Sandbox } from '@meschain/kube-sandbox';

/**
 * Changes a sandbox cluster through its Kubernetes API, as `kubectl` would:
 * the way a test sets up the situation the code under test must notice.
 */
export async function writeToSandbox(
  sandbox: Sandbox,
  clusterName: string,
  request: {
    method: 'POST' | 'PATCH' | 'DELETE';
    path: string;
    body?: unknown;
    contentType?: string;
  },
): Promise<unknown> {
  const response = await fetch(
    `${sandbox.clusterUrl(clusterName, 'http')}${request.path}`,
    {
      method: request.method,
      headers: {
        authorization: `Bearer ${sandbox.cluster(clusterName).token}`,
        'content-type': request.contentType ?? 'application/json',
      },
      body:
        request.body === undefined ? undefined : JSON.stringify(request.body),
    },
  );
  if (!response.ok) {
    throw new Error(
      `sandbox answered ${response.status} to ${request.method} ${
        request.path
      }: ${await response.text()}`,
    );
  }
  return response.json();
}

/** Calls an admin endpoint of the sandbox (`/_sandbox/…`), e.g. to inject a fault or move its clock. */
export async function sandboxAdmin(
  sandbox: Sandbox,
  path: string,
  body: unknown,
): Promise<void> {
  const response = await fetch(`${sandbox.httpUrl}/_sandbox/${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${sandbox.adminToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(
      `sandbox answered ${response.status} to POST /_sandbox/${path}`,
    );
  }
}
