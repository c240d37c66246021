/**
 * The kube-sandbox's admin API, for tests that make a service misbehave. The
 * browser tests start the sandbox with this token (playwright.config.ts).
 */
export const SANDBOX_ADMIN_TOKEN = 'e2e-sandbox-admin';
const sandbox = 'http://127.0.0.1:8090';

/** What a service's requests suffer: a share that fail, and a slowdown. */
export type ServiceFault = { errorRatio?: number; latencyFactor?: number };

async function setServiceFault(
  service: string,
  cluster: string,
  fault: ServiceFault | { mode: 'none' },
) {
  const response = await fetch(
    `${sandbox}/_sandbox/clusters/${cluster}/services/${service}/fault`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${SANDBOX_ADMIN_TOKEN}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(fault),
    },
  );
  if (!response.ok) {
    throw new Error(
      `The sandbox refused the fault of ${service} in ${cluster}: ${
        response.status
      } ${await response.text()}`,
    );
  }
}

/** The sandbox's clusters are named after their regions. */
export function injectServiceFault(
  service: string,
  region: string,
  fault: ServiceFault,
) {
  return setServiceFault(service, region, fault);
}

export function clearServiceFault(service: string, region: string) {
  return setServiceFault(service, region, { mode: 'none' });
}
