import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';

// In CI the app is built beforehand and the backend serves it on port 7007;
// locally the frontend dev server on port 3000 is used. The walk through
// every page (pages.test.ts) uses the dev server in CI too: only React's
// development build prints the warnings it fails on (missing keys, invalid
// DOM nesting, rows without ids).
const ci = Boolean(process.env.CI);
const devServerURL = 'http://localhost:3000';
const baseURL =
  process.env.PLAYWRIGHT_URL ?? (ci ? 'http://localhost:7007' : devServerURL);
const walkURL = process.env.PLAYWRIGHT_URL ?? devServerURL;

export default defineConfig({
  timeout: 90_000,

  expect: {
    timeout: 30_000,
  },

  webServer: [
    {
      // The health tests inject faults with this admin token (e2e-tests/sandboxAdmin.ts);
      // the fleet test changes a cluster with kubectl through this kubeconfig.
      command:
        'yarn sandbox --port 8090 --admin-token e2e-sandbox-admin --kubeconfig .data/kubeconfig.yaml',
      port: 8090,
      reuseExistingServer: !ci,
      timeout: 60_000,
    },
    {
      // Prometheus on 9090 scraping the sandbox, Alertmanager on 9093 notifying the backend.
      command: 'yarn monitoring',
      url: 'http://127.0.0.1:9090/-/ready',
      reuseExistingServer: !ci,
      timeout: 60_000,
    },
    {
      command: 'yarn start app',
      url: devServerURL,
      reuseExistingServer: true,
      timeout: 180_000,
    },
    {
      command: 'yarn start backend',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: !ci,
      timeout: 180_000,
    },
  ],

  forbidOnly: ci,

  retries: ci ? 1 : 0,

  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],

  use: {
    actionTimeout: 0,
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'on-first-retry',
    // Debian's Chromium: test tools may not download browsers on these machines.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
  },

  outputDir: 'node_modules/.cache/e2e-test-results',

  // Every test runs at 1440×900. At 1024×768 run the walk through every page
  // (its layout, screenshots and console) and the Scaling tab's policy preload
  // and scale; the other tests act on the shared clusters, and running them
  // twice would double the run's time without checking more of the layout.
  projects: generateProjects().flatMap(project => [
    {
      ...project,
      name: `${project.name} 1440`,
      testIgnore: 'pages.test.ts',
      use: {
        ...project.use,
        channel: undefined,
        viewport: { width: 1440, height: 900 },
      },
    },
    {
      ...project,
      name: `${project.name} 1024`,
      testMatch: 'scaling.test.ts',
      use: {
        ...project.use,
        channel: undefined,
        viewport: { width: 1024, height: 768 },
      },
    },
    ...[1440, 1024].map(width => ({
      ...project,
      name: `${project.name} walk ${width}`,
      testMatch: 'pages.test.ts',
      use: {
        ...project.use,
        channel: undefined,
        baseURL: walkURL,
        viewport: { width, height: width === 1440 ? 900 : 768 },
      },
    })),
  ]),
});
