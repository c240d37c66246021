import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DEFAULT_SCALING_PRESETS } from '@meschain/backstage-plugin-scaling-common';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  OWNER,
  portalConfig,
  startScalingBackend,
  USER,
} from '../__testUtils__/scalingBackend';
import { SERVICE_STRATEGIES } from '../render';
import { createApplyManifestsAction } from './applyManifestsAction';
import {
  createRenderServiceAction,
  MANIFESTS_PATH,
} from './renderServiceAction';

jest.setTimeout(60_000);

const NAMESPACE = 'meschain-sync';

type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; resourceVersion?: string };
};

const PATHS: Record<string, (name: string) => string> = {
  Deployment: name =>
    `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/${name}`,
  Rollout: name =>
    `/apis/argoproj.io/v1alpha1/namespaces/${NAMESPACE}/rollouts/${name}`,
  Service: name => `/api/v1/namespaces/${NAMESPACE}/services/${name}`,
  PodDisruptionBudget: name =>
    `/apis/policy/v1/namespaces/${NAMESPACE}/poddisruptionbudgets/${name}`,
  HorizontalPodAutoscaler: name =>
    `/apis/autoscaling/v2/namespaces/${NAMESPACE}/horizontalpodautoscalers/${name}`,
  VirtualService: name =>
    `/apis/networking.istio.io/v1alpha3/namespaces/${NAMESPACE}/virtualservices/${name}`,
};

describe('meschain:scaling:render and meschain:kubernetes:apply, against the sandbox', () => {
  let backend: Awaited<ReturnType<typeof startScalingBackend>>;
  const workspaces: string[] = [];

  beforeAll(async () => {
    backend = await startScalingBackend({
      // As the catalog will hold it once its repository is read, for its history.
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'orders-idempotent',
            annotations: { 'meschain.io/regions': 'eu-west,eu-central' },
          },
          spec: { type: 'service', lifecycle: 'experimental', owner: OWNER },
        },
      ],
    });
  });
  afterAll(async () => {
    await backend?.close();
    await Promise.all(
      workspaces.map(dir => rm(dir, { recursive: true, force: true })),
    );
  });
  afterEach(() => backend.sandbox.faults.clear());

  function serviceInput(name: string, overrides: object = {}) {
    return {
      name,
      owner: OWNER,
      system: 'meschain-sync',
      // The requests preset's 25 replicas are within a critical service's limit.
      tier: 'critical',
      regions: ['eu-west', 'eu-central'],
      onCall: [USER],
      image: `example/${name}:1.0.0`,
      resources: {
        requests: { cpu: '250m', memory: '256Mi' },
        limits: { memory: '512Mi' },
      },
      strategy: 'rolling',
      scaling: { preset: 'cpu', minReplicas: 2, maxReplicas: 6, target: 65 },
      ...overrides,
    };
  }

  /** Renders a service in a fresh workspace; returns the render's outputs and the YAML written, parsed back. */
  async function render(input: ReturnType<typeof serviceInput>) {
    const workspacePath = await mkdtemp(join(tmpdir(), 'meschain-render-'));
    workspaces.push(workspacePath);
    const action = createRenderServiceAction({
      config: new ConfigReader(portalConfig(backend.sandbox)),
    });
    const ctx = createMockActionContext({ input, workspacePath });
    await action.handler(ctx as any);
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls,
    ) as { entityRef: string; regions: string[]; manifests: Manifest[] };
    const written = parseAllDocuments(
      await readFile(join(workspacePath, MANIFESTS_PATH), 'utf8'),
    ).map(doc => doc.toJS() as Manifest);
    return { outputs, written, workspacePath };
  }

  async function apply(
    outputs: { entityRef: string; regions: string[]; manifests: Manifest[] },
    options: { dryRun?: boolean; owner?: string } = {},
  ) {
    const action = createApplyManifestsAction({ apply: backend.apply });
    // The mock context takes neither of these as options.
    const ctx = {
      ...createMockActionContext({
        input: {
          entityRef: outputs.entityRef,
          owner: options.owner ?? OWNER,
          regions: outputs.regions,
          manifests: outputs.manifests,
        } as any,
      }),
      isDryRun: options.dryRun ?? false,
      getInitiatorCredentials: async () => mockCredentials.user(USER),
    };
    await action.handler(ctx as any);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls) as {
      changed: string[];
      unchanged: number;
    };
  }

  const readIn = (region: string, manifest: Manifest) =>
    backend.read<Manifest>(
      region,
      PATHS[manifest.kind](manifest.metadata.name),
    );

  const combinations = SERVICE_STRATEGIES.flatMap(strategy =>
    DEFAULT_SCALING_PRESETS.map(preset => [strategy, preset.name]),
  );

  it.each(combinations)(
    'renders a %s service scaled by the %s preset that every region’s API server admits',
    async (strategy, preset) => {
      const name = `new-${strategy}-${preset}`.slice(0, 40).replace(/-+$/, '');
      const { outputs, written } = await render(
        serviceInput(name, { strategy, scaling: { preset } }),
      );

      expect(written).toEqual(outputs.manifests);
      const kinds = written.map(manifest => manifest.kind);
      expect(kinds).toContain(
        strategy === 'rolling' ? 'Deployment' : 'Rollout',
      );
      expect(kinds).toEqual(
        expect.arrayContaining([
          'Service',
          'PodDisruptionBudget',
          'HorizontalPodAutoscaler',
        ]),
      );
      const hpa = written.find(
        m => m.kind === 'HorizontalPodAutoscaler',
      ) as any;
      expect(hpa.spec.scaleTargetRef).toEqual(
        expect.objectContaining({
          kind: strategy === 'rolling' ? 'Deployment' : 'Rollout',
          name,
        }),
      );

      // The server-side dry run admits every object in both regions and stores nothing.
      const result = await apply(outputs, { dryRun: true });
      expect(result.changed).toHaveLength(written.length * 2);
      for (const manifest of written) {
        await expect(readIn('eu-west', manifest)).resolves.toBeUndefined();
      }
    },
  );

  it('writes every object in each region once; a re-run changes nothing', async () => {
    const { outputs } = await render(
      serviceInput('orders-idempotent', { strategy: 'canary-10-25-50-100' }),
    );
    const first = await apply(outputs);
    expect(first.changed).toHaveLength(outputs.manifests.length * 2);
    expect(first.unchanged).toBe(0);

    const versions = async () =>
      Promise.all(
        ['eu-west', 'eu-central'].flatMap(region =>
          outputs.manifests.map(async manifest => {
            const stored = await readIn(region, manifest);
            return `${region}/${manifest.kind}/${stored?.metadata.resourceVersion}`;
          }),
        ),
      );
    const before = await versions();
    expect(before.every(version => !version.endsWith('undefined'))).toBe(true);

    const second = await apply(outputs);
    expect(second.changed).toEqual([]);
    expect(second.unchanged).toBe(outputs.manifests.length * 2);
    expect(await versions()).toEqual(before);

    // The service's history starts with one write per region; the re-run added none.
    const history = await backend.history('orders-idempotent');
    expect(
      history.events
        .filter(event => event.action === 'service.create')
        .map(event => [event.cluster, event.outcome, event.actor])
        .sort(),
    ).toEqual([
      ['meschain-eu-central', 'succeeded', USER],
      ['meschain-eu-west', 'succeeded', USER],
    ]);
    expect(backend.auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'scaling-service-create',
        meta: expect.objectContaining({
          asked: expect.objectContaining({
            entityRef: 'component:default/orders-idempotent',
            regions: ['eu-west', 'eu-central'],
          }),
        }),
      }),
    );
  });

  it('names the region whose cluster is down and writes nothing anywhere', async () => {
    const { outputs } = await render(
      serviceInput('orders-region-down', { regions: ['eu-west', 'us-east'] }),
    );
    backend.sandbox.faults.set('us-east', { mode: 'down' });

    await expect(apply(outputs)).rejects.toThrow(
      /Nothing was applied: the dry run failed in region us-east: /,
    );
    backend.sandbox.faults.clear();
    for (const manifest of outputs.manifests) {
      await expect(readIn('eu-west', manifest)).resolves.toBeUndefined();
      await expect(readIn('us-east', manifest)).resolves.toBeUndefined();
    }
  });

  it('refuses a service whose owner the user is not a member of', async () => {
    const { outputs } = await render(
      serviceInput('orders-not-mine', { owner: 'group:default/commerce-team' }),
    );
    await expect(
      apply(outputs, { owner: 'group:default/commerce-team' }),
    ).rejects.toThrow(
      'You may not create a service owned by group:default/commerce-team: you are not a member of it',
    );
    await expect(
      readIn('eu-west', outputs.manifests[0]),
    ).resolves.toBeUndefined();
  });
});
