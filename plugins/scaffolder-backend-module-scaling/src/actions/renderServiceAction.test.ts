import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { readScalingAnnotations } from '@meschain/backstage-plugin-scaling-common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REGIONS_CONFIG } from '../__testUtils__/scalingBackend';
import { createRenderServiceAction } from './renderServiceAction';

const config = new ConfigReader({
  scaling: {
    regions: REGIONS_CONFIG,
    guardRails: {
      maxReplicasByTier: { critical: 25, standard: 20 },
      allowedRegions: ['eu-west', 'eu-central', 'us-east'],
    },
  },
});

const GOOD = {
  name: 'invoices',
  title: 'Invoices',
  owner: 'group:default/platform-team',
  system: 'meschain-sync',
  tier: 'standard',
  regions: ['eu-west', 'eu-central'],
  onCall: ['guest'],
  image: 'example/invoices:1.0.0',
  resources: { requests: { cpu: '250m', memory: '256Mi' } },
  strategy: 'blue-green',
  scaling: { preset: 'memory', minReplicas: 3, maxReplicas: 9, target: 75 },
};

describe('meschain:scaling:render', () => {
  const workspace = createMockDirectory();
  const action = createRenderServiceAction({ config });

  async function render(input: object) {
    workspace.clear();
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
    });
    await action.handler(ctx as any);
    return ctx;
  }

  it('writes a catalog-info.yaml with the suite’s annotations and the tier label', async () => {
    const ctx = await render(GOOD);
    const entity = parse(
      await readFile(join(workspace.path, 'catalog-info.yaml'), 'utf8'),
    );
    expect(entity.metadata.labels).toEqual({ tier: 'standard' });
    expect(entity.spec).toEqual({
      type: 'service',
      lifecycle: 'experimental',
      owner: 'group:default/platform-team',
      system: 'meschain-sync',
    });
    const read = readScalingAnnotations(entity);
    expect(read.problems).toEqual([]);
    expect(read).toMatchObject({
      regions: ['eu-west', 'eu-central'],
      scalingPolicy: 'memory',
      deploymentStrategy: 'blue-green',
      onCall: ['user:default/guest'],
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/invoices',
    );
  });

  it('renders the HPA from the preset with the chosen parameters', async () => {
    const ctx = await render(GOOD);
    const manifests = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'manifests',
    )![1];
    const hpa = manifests.find(
      (m: any) => m.kind === 'HorizontalPodAutoscaler',
    );
    expect(hpa.spec).toMatchObject({
      minReplicas: 3,
      maxReplicas: 9,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'memory',
            target: { type: 'Utilization', averageUtilization: 75 },
          },
        },
      ],
    });
    const rollout = manifests.find((m: any) => m.kind === 'Rollout');
    expect(rollout.spec.replicas).toBe(3);
    expect(rollout.spec.template.spec.containers[0].resources).toEqual({
      requests: { cpu: '250m', memory: '256Mi' },
    });
    expect(
      manifests
        .filter((m: any) => m.kind === 'Service')
        .map((m: any) => m.metadata.name),
    ).toEqual(['invoices', 'invoices-preview']);
  });

  it.each([
    [{ name: 'Invoices_2' }, /^name: "Invoices_2" must be a DNS-1123 label/],
    [
      { regions: ['eu-west', 'mars-north'] },
      /^regions: mars-north is not one of scaling.regions/,
    ],
    [
      { regions: ['ap-southeast'] },
      /^regions: ap-southeast is not among the guard-rails' allowed regions/,
    ],
    [
      { strategy: 'big-bang' },
      /^strategy: "big-bang" is not one of rolling, blue-green, /,
    ],
    [
      { scaling: { preset: 'gpu' } },
      /^scaling.preset: "gpu" is not one of the platform's presets/,
    ],
    [
      { scaling: { preset: 'cpu', maxReplicas: 40 } },
      /^scaling.maxReplicas: maxReplicas must be at most 20 for standard services; got 40/,
    ],
    [
      { scaling: { preset: 'cpu', minReplicas: 8, maxReplicas: 4 } },
      /scaling\.(minReplicas|maxReplicas): /,
    ],
    [{ scaling: { preset: 'cpu', target: -5 } }, /^scaling.target: /],
  ])('refuses %j, naming the field', async (change, message) => {
    await expect(render({ ...GOOD, ...change })).rejects.toThrow(message);
  });
});
