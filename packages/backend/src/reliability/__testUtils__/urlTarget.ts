import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadFleet } from '@meschain/kube-sandbox';
import { kubeconfigSecrets } from './secretLeaks';
import { ClusterObject, ReliabilityTarget } from './target';

const NAMESPACE = 'meschain-sync';

/** The environment the scale-out setup writes to its cluster.env (scripts/start-cluster.sh). */
export const SCALE_OUT_ENV = {
  url: 'SCALE_OUT_URL',
  sandboxUrl: 'SCALE_OUT_SANDBOX_URL',
  sandboxAdminToken: 'SCALE_OUT_SANDBOX_ADMIN_TOKEN',
  serviceToken: 'SCALE_OUT_SERVICE_TOKEN',
  kubeconfig: 'SCALE_OUT_KUBECONFIG',
  runDir: 'SCALE_OUT_RUN_DIR',
} as const;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} to test a running backend`);
  return value;
}

/** The guest's token, as the portal's sign-in page gets it. */
async function guestToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(`Guest sign-in answered ${response.status}`);
  }
  const session = (await response.json()) as {
    backstageIdentity: { token: string };
  };
  return session.backstageIdentity.token;
}

/** The replicas' logs: every `*.log` of the run directory. */
async function replicaLogLines(runDir: string | undefined): Promise<string[]> {
  if (!runDir) return [];
  const files = (await readdir(runDir)).filter(f => /^replica.*\.log$/.test(f));
  const texts = await Promise.all(
    files.map(file => readFile(path.join(runDir, file), 'utf8')),
  );
  return texts.flatMap(text => text.split('\n'));
}

/**
 * A running portal (the scale-out setup's load balancer, or one local backend) on the sandbox's
 * default fleet. Its only user is the guest, a member of the platform team and no admin there:
 * the owner is the guest on the platform team's logging-service, the non-owner the guest on the
 * data team's analytics-service. The service principal is a static external-access token.
 */
export async function startUrlTarget(): Promise<ReliabilityTarget> {
  const baseUrl = required(SCALE_OUT_ENV.url).replace(/\/$/, '');
  const sandboxUrl = required(SCALE_OUT_ENV.sandboxUrl).replace(/\/$/, '');
  const adminToken = required(SCALE_OUT_ENV.sandboxAdminToken);
  const serviceToken = required(SCALE_OUT_ENV.serviceToken);
  const kubeconfigFile = process.env[SCALE_OUT_ENV.kubeconfig];
  const fleet = loadFleet();
  const tokens = new Map(fleet.clusters.map(c => [c.name, c.token]));
  const guest = `Bearer ${await guestToken(baseUrl)}`;
  const context = (service: string, team: string) => ({
    service,
    team,
    workloadNamespace: NAMESPACE,
    region: 'us-east',
    cluster: 'meschain-us-east',
  });
  const owned = context('logging-service', 'group:default/platform-team');

  return {
    name: `the backend at ${baseUrl}`,
    apiUrl: `${baseUrl}/api/scaling`,
    callers: {
      owner: { kind: 'owner', authorization: guest, context: owned },
      nonOwner: {
        kind: 'nonOwner',
        authorization: guest,
        context: context('analytics-service', 'group:default/data-team'),
      },
      unauthenticated: { kind: 'unauthenticated', context: owned },
      service: {
        kind: 'service',
        authorization: `Bearer ${serviceToken}`,
        context: owned,
      },
    },
    nonOwnerIsAnotherUser: false,
    serviceIsWebhookSubject: false,
    sandbox: { url: sandboxUrl, adminToken },
    regions: fleet.clusters.map(c => c.name),
    workloadNamespace: NAMESPACE,
    clustersAtRest: false,
    async readClusterList(region: string, apiPath: string) {
      const response = await fetch(
        `${sandboxUrl}/clusters/${region}${apiPath}`,
        { headers: { authorization: `Bearer ${tokens.get(region)}` } },
      );
      if (!response.ok) {
        throw new Error(
          `The sandbox answered ${response.status} to GET ${apiPath}`,
        );
      }
      return ((await response.json()) as { items: ClusterObject[] }).items;
    },
    async secrets() {
      const kubeconfig = kubeconfigFile
        ? kubeconfigSecrets(await readFile(kubeconfigFile, 'utf8'))
        : [];
      return [...tokens.values(), ...kubeconfig, adminToken];
    },
    logLines: () => replicaLogLines(process.env[SCALE_OUT_ENV.runDir]),
    close: async () => undefined,
  };
}
