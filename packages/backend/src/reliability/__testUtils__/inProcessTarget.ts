import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { auditorServiceFactory } from '@backstage/backend-defaults/auditor';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  Monitoring,
  Sandbox,
  startMonitoring,
  startSandbox,
} from '@meschain/kube-sandbox';
import { portalCatalog } from './portalCatalog';
import { catalogUserInfo, portalPermissions } from './portalPermissions';
import { createRecordingLogger } from './recordingLogger';
import { kubeconfigSecrets } from './secretLeaks';
import { ClusterObject, ReliabilityTarget } from './target';

const ROOT = path.resolve(__dirname, '../../../../..');
const NAMESPACE = 'meschain-sync';
const OWNER = 'user:default/guest';
/** A member of the data team, which owns none of the platform team's services. */
const NON_OWNER = 'user:default/selin.aydin';
const TEAM = 'group:default/platform-team';
const SERVICE = 'logging-service';

// PostgreSQL where the run has one, as production: its column limits are stricter than SQLite's.
const databases = TestDatabases.create();

/** A PostgreSQL the run was given a connection to (as CI is), or else SQLite; never a container. */
function inProductionDatabase() {
  const ids = databases.eachSupportedId().map(([id]) => id);
  const given = ids.find(
    id =>
      id.startsWith('POSTGRES') &&
      process.env[
        `BACKSTAGE_TEST_DATABASE_${id.replace('_', '')}_CONNECTION_STRING`
      ],
  );
  return given ?? 'SQLITE_3';
}

function readYaml(file: string): any {
  return yaml.load(readFileSync(path.join(ROOT, file), 'utf8'));
}

/** The portal's scaling settings (app-config.yaml), with its `$include`s read. */
function portalScalingConfig() {
  const scaling = readYaml('app-config.yaml').scaling;
  return {
    ...scaling,
    regions: readYaml('config/regions.yaml'),
    edgeLocations: readYaml('config/edge-locations.yaml'),
  };
}

/**
 * The scaling backend in this process, configured as the portal is, on the kube-sandbox's
 * default fleet over HTTPS with service-account tokens, with a real Prometheus and Alertmanager,
 * and the portal's permission policy deciding. No one is an admin, so that the
 * owners' and the others' rights differ.
 */
export async function startInProcessTarget(): Promise<ReliabilityTarget> {
  const sandbox: Sandbox = await startSandbox({ port: 0, speed: 0, seed: 11 });
  const regions = [...sandbox.clusters.keys()];
  const ruleDirectory = mkdtempSync(path.join(tmpdir(), 'reliability-rules-'));
  // Alert rules and windows are written to a real Prometheus and Alertmanager, as in production;
  // this fails, naming the Debian packages, where they are not installed.
  const monitoring: Monitoring = await startMonitoring({
    scrapeUrls: [],
    ruleDirectory,
  });
  const caData = Buffer.from(sandbox.caPem).toString('base64');
  const logger = createRecordingLogger();
  const entities = portalCatalog();
  const userInfo = catalogUserInfo(entities);
  const scaling = portalScalingConfig();
  const databaseId = inProductionDatabase();

  const { server } = await startTestBackend({
    features: [
      import('@meschain/backstage-plugin-scaling-backend'),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://portal.test' },
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: regions.map(region => ({
                  name: `meschain-${region}`,
                  url: sandbox.clusterUrl(region),
                  authProvider: 'serviceAccount',
                  serviceAccountToken: sandbox.cluster(region).token,
                  caData,
                })),
              },
            ],
          },
          scaling: {
            ...scaling,
            cost: {
              ...scaling.cost,
              opencost: {
                clusters: regions.map(region => ({
                  name: `meschain-${region}`,
                  region,
                  url: sandbox.clusterUrl(region, 'http'),
                })),
              },
            },
            metrics: {
              prometheus: {
                url: monitoring.prometheusUrl,
              },
            },
            alerts: {
              ruleDirectory,
              alertmanager: {
                url: monitoring.alertmanagerUrl,
              },
            },
          },
        },
      }),
      logger.factory,
      auditorServiceFactory,
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.userInfo.mock(userInfo).factory,
      portalPermissions({
        entities,
        userInfo,
        adminGroups: [],
        scaleToZeroGroups: [TEAM],
        costAdminGroups: [TEAM],
      }).factory,
      catalogServiceMock.factory({ entities }),
      mockServices.database.factory({
        knex: await databases.init(databaseId),
        migrations: { skip: false },
      }),
    ],
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const context = {
    service: SERVICE,
    team: TEAM,
    workloadNamespace: NAMESPACE,
    region: 'us-east',
    cluster: 'meschain-us-east',
  };

  return {
    name: `the scaling backend in this process on ${databaseId}`,
    apiUrl: `http://127.0.0.1:${port}/api/scaling`,
    callers: {
      owner: {
        kind: 'owner',
        authorization: mockCredentials.user.header(OWNER),
        context,
      },
      nonOwner: {
        kind: 'nonOwner',
        authorization: mockCredentials.user.header(NON_OWNER),
        context,
      },
      unauthenticated: { kind: 'unauthenticated', context },
      service: {
        kind: 'service',
        // As the static external-access token of subject `alertmanager` authenticates.
        authorization: mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('alertmanager'),
          targetPluginId: 'scaling',
        }),
        context,
      },
    },
    nonOwnerIsAnotherUser: true,
    serviceIsWebhookSubject: true,
    sandbox: { url: sandbox.httpUrl, adminToken: sandbox.adminToken },
    regions,
    workloadNamespace: NAMESPACE,
    clustersAtRest: true,
    async readClusterList(region: string, apiPath: string) {
      const response = await fetch(
        `${sandbox.clusterUrl(region, 'http')}${apiPath}`,
        {
          headers: { authorization: `Bearer ${sandbox.cluster(region).token}` },
        },
      );
      if (!response.ok) {
        throw new Error(
          `The sandbox answered ${response.status} to GET ${apiPath}`,
        );
      }
      return ((await response.json()) as { items: ClusterObject[] }).items;
    },
    secrets: async () => [
      ...kubeconfigSecrets(sandbox.kubeconfig()),
      sandbox.adminToken,
    ],
    logLines: async () => logger.lines,
    // startTestBackend stops the backend after the file's tests.
    async close() {
      await monitoring.stop();
      await sandbox.close();
      rmSync(ruleDirectory, { recursive: true, force: true });
    },
  };
}
