import { mockCredentials } from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import {
  OWNER,
  startScalingBackend,
  USER,
} from './__testUtils__/scalingBackend';
import scaffolderModuleScaling from '.';

jest.setTimeout(90_000);

const TEMPLATE_DIR = join(
  __dirname,
  '../../../catalog/templates/new-meschain-service',
);

/** The template's directory as the template editor sends it: every file, base64. */
async function directoryContents(dir: string, root = dir): Promise<object[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async entry => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        return directoryContents(path, root);
      }
      return [
        {
          path: relative(root, path),
          base64Content: (await readFile(path)).toString('base64'),
        },
      ];
    }),
  );
  return files.flat();
}

describe('the New MesChain service template, through the scaffolder’s dry-run API', () => {
  let backend: Awaited<ReturnType<typeof startScalingBackend>>;

  beforeAll(async () => {
    backend = await startScalingBackend({
      features: [
        scaffolderPlugin,
        scaffolderGithubModule,
        scaffolderModuleScaling,
      ],
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'User',
          metadata: { name: 'guest' },
          spec: { memberOf: ['platform-team'] },
        },
      ],
    });
  });
  afterAll(() => backend?.close());

  it('renders, dry-runs the apply in every chosen region, and writes nothing', async () => {
    const template = parse(
      await readFile(join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
    );
    const response = await request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header(USER))
      .send({
        template,
        values: {
          name: 'dry-run-payments',
          description: 'Takes payments',
          owner: OWNER,
          system: 'system:default/meschain-sync',
          tier: 'high',
          regions: ['eu-west', 'eu-central', 'tr-central'],
          preset: 'requests',
          maxReplicas: 12,
          strategy: 'blue-green',
          image: 'example/payments:1.0.0',
          port: 8080,
          cpuRequest: '250m',
          memoryRequest: '256Mi',
          memoryLimit: '512Mi',
        },
        secrets: {},
        directoryContents: await directoryContents(TEMPLATE_DIR),
      });

    const log = (response.body.log ?? [])
      .map((entry: { body: { message: string } }) => entry.body.message)
      .join('\n');
    expect({ status: response.status, log }).toMatchObject({ status: 200 });

    // The apply step asked each region's API server, which admitted every object.
    for (const cluster of [
      'meschain-eu-west',
      'meschain-eu-central',
      'meschain-tr-central',
    ]) {
      expect(log).toContain(
        `${cluster}: Rollout meschain-sync/dry-run-payments created (dry run)`,
      );
      expect(log).toContain(
        `${cluster}: HorizontalPodAutoscaler meschain-sync/dry-run-payments created (dry run)`,
      );
    }
    await expect(
      backend.read(
        'eu-west',
        '/apis/argoproj.io/v1alpha1/namespaces/meschain-sync/rollouts/dry-run-payments',
      ),
    ).resolves.toBeUndefined();

    // The repository's files, as they would be published.
    const files = Object.fromEntries(
      response.body.directoryContents.map(
        (file: { path: string; base64Content: string }) => [
          file.path,
          Buffer.from(file.base64Content, 'base64').toString('utf8'),
        ],
      ),
    );
    expect(Object.keys(files).sort()).toEqual([
      'README.md',
      'catalog-info.yaml',
      'kubernetes/manifests.yaml',
    ]);
    expect(parse(files['catalog-info.yaml']).metadata).toMatchObject({
      name: 'dry-run-payments',
      labels: { tier: 'high' },
      annotations: {
        'meschain.io/regions': 'eu-west,eu-central,tr-central',
        'meschain.io/scaling-policy': 'requests',
        'meschain.io/deployment-strategy': 'blue-green',
        'meschain.io/on-call': USER,
      },
    });
    const hpa = parseAllDocuments(files['kubernetes/manifests.yaml'])
      .map(doc => doc.toJS())
      .find(manifest => manifest.kind === 'HorizontalPodAutoscaler');
    expect(hpa.spec).toMatchObject({ minReplicas: 3, maxReplicas: 12 });

    expect(response.body.output.links).toEqual([
      {
        title: 'Scaling',
        icon: 'dashboard',
        url: '/catalog/default/component/dry-run-payments/scaling',
      },
      {
        title: 'Deployments',
        icon: 'dashboard',
        url: '/catalog/default/component/dry-run-payments/deployments',
      },
      expect.objectContaining({ title: 'Repository' }),
    ]);
  });
});
