/** Calls to the portal's API as the reliability tests make them: as a browser's fetch would. */

export type ApiAnswer<T = any> = {
  status: number;
  body: T;
  /** The replica nginx sent the request to, when it went through the load balancer. */
  replica?: string;
};

/** A user token of the guest, who signs in as user:default/guest (a member of the platform team). */
export async function guestToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(
      `Guest sign-in at ${baseUrl} answered ${
        response.status
      }: ${await response.text()}`,
    );
  }
  return (await response.json()).backstageIdentity.token;
}

export async function callApi<T = any>(
  baseUrl: string,
  path: string,
  options: { token?: string; method?: string; body?: unknown } = {},
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(options.token && { Authorization: `Bearer ${options.token}` }),
      ...(options.body !== undefined && { 'Content-Type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON, e.g. nginx's own error page: kept as text for the assertion's message.
  }
  return {
    status: response.status,
    body,
    replica: response.headers.get('x-scale-out-replica') ?? undefined,
  };
}

/** Waits until `check` returns something other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}${
          last ? `; last error: ${last}` : ''
        }`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}
