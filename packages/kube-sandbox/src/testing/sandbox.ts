import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFleet } from '../cluster/fleet';
import type { AttachSimulation } from '../cluster/types';
import { startSandbox, type Sandbox, type SandboxOptions } from '../server';

/**
 * A small fleet for tests: `eu-west` (primary) runs `web` (a Deployment with a CPU HPA) and
 * `shop` (a canary Rollout); `eu-central` (DR) runs `web` only. `web` uses a database, both a
 * cache and a queue.
 */
export const TEST_FLEET_YAML = `
namespace: shop
instanceTypes:
  m6i.xlarge:
    allocatable: { cpu: 3920m, memory: 14.8Gi, pods: '58' }
scalingPresets:
  cpu:
    minReplicas: 2
    maxReplicas: 10
    metrics:
      - type: Resource
        resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } }
rolloutStrategies:
  canary:
    canary:
      steps: [{ setWeight: 20 }, { pause: {} }]
resources:
  web-db: { type: database, maxConnections: 50 }
  web-cache: { type: cache }
  shop-events: { type: queue }
services:
  web:
    image: example/web:1.0.0
    replicas: 2
    strategy: rolling
    scaling: cpu
    resources: { requests: { cpu: 100m, memory: 128Mi } }
    dependsOn: [web-db, web-cache, shop-events]
  shop:
    image: example/shop:1.0.0
    replicas: 1
    strategy: canary
    scaling: none
    resources:
      requests: { cpu: 100m, memory: 128Mi }
      limits: { cpu: 200m, memory: 256Mi }
    dependsOn: [web-cache, shop-events]
clusters:
  - name: eu-west
    region: eu-west
    token: token-eu-west
    prices: { cpuCoreHour: 0.03, ramGiBHour: 0.004 }
    nodePools: [{ name: general, instanceType: m6i.xlarge, count: 2 }]
    services: all
  - name: eu-central
    region: eu-central
    role: dr
    token: token-eu-central
    prices: { cpuCoreHour: 0.036, ramGiBHour: 0.0048 }
    nodePools: [{ name: general, instanceType: m6i.xlarge, count: 1 }]
    services: [{ name: web, replicas: 1, minReplicas: 1 }]
`;

/** A simulation that does nothing, for tests of the API alone. */
export const inertSimulation: AttachSimulation = () => ({
  tick: () => undefined,
  routes: [],
  discovery: [],
});

/**
 * The test fleet on an ephemeral port, time frozen (speed 0) and seeded. With a speed, e.g. 1 for
 * a real Prometheus scraping it, simulated time reads the wall clock once it serves.
 */
export function startTestSandbox(
  options: SandboxOptions = {},
): Promise<Sandbox> {
  const warmUpMs = options.warmUpMs ?? 30_000;
  const realTime = (options.speed ?? 0) > 0;
  return startSandbox({
    fleet: parseFleet(TEST_FLEET_YAML),
    speed: 0,
    seed: 7,
    warmUpMs,
    startTime: realTime ? Date.now() - warmUpMs : undefined,
    ...options,
  });
}

/** Writes the sandbox's kubeconfig to a temporary directory that `cleanup` removes. */
export function writeKubeconfig(sandbox: Sandbox): {
  path: string;
  dir: string;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'kube-sandbox-'));
  const path = join(dir, 'kubeconfig.yaml');
  writeFileSync(path, sandbox.kubeconfig(), { mode: 0o600 });
  return {
    path,
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
