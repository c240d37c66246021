import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';
import config from './playwright.config';

// `yarn docs:screenshots`: retakes the images the README shows, under docs/.
// The browser tests never write there, so a test run leaves the tree clean.
export default defineConfig({
  ...config,
  reporter: 'list',
  projects: [
    {
      name: 'readme images',
      testDir: resolve(__dirname, 'packages/app/e2e-tests'),
      testMatch: 'readmeImages.screenshots.ts',
      use: {
        ...config.use,
        channel: undefined,
        viewport: { width: 1280, height: 720 },
      },
    },
  ],
});
