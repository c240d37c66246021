import { mockServices } from '@backstage/backend-test-utils';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { spawnSync } from 'child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'fs';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { createPrometheusRuleFiles } from './prometheusRuleFiles';

// The last test waits out the backend's confirmation of five seconds.
jest.setTimeout(20_000);

const WITH_PROMTOOL =
  Boolean(process.env.CI) || spawnSync('promtool', ['--version']).status === 0;

const ruleFile = (ruleId: string) => `groups:
  - name: web
    rules:
      - alert: HighErrorRatio
        expr: vector(1) > 0
        labels:
          rule_id: ${ruleId}
`;

/**
 * Stands in for Prometheus' lifecycle and rules API: it loads the rule files
 * of the directory on reload, or fails the reload when told to, as Prometheus
 * does with a file it cannot load.
 */
function fakePrometheus(ruleDirectory: string) {
  const state = { failReload: false, reloads: 0 };
  let loaded: Array<{ file: string; ruleIds: string[] }> = [];
  const server: Server = createServer((req, res) => {
    if (req.url === '/-/reload' && req.method === 'POST') {
      state.reloads += 1;
      if (state.failReload) {
        res.writeHead(500).end('error loading rules');
        return;
      }
      loaded = readdirSync(ruleDirectory)
        .filter(file => file.endsWith('.yml'))
        .map(file => ({
          file: join(ruleDirectory, file),
          ruleIds: [
            ...readFileSync(join(ruleDirectory, file), 'utf8').matchAll(
              /rule_id: (\S+)/g,
            ),
          ].map(match => match[1]),
        }));
      res.writeHead(200).end();
      return;
    }
    if (req.url?.startsWith('/api/v1/rules')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          status: 'success',
          data: {
            groups: loaded.map(({ file, ruleIds }) => ({
              file,
              rules: ruleIds.map(rule_id => ({ labels: { rule_id } })),
            })),
          },
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  return { server, state };
}

(WITH_PROMTOOL ? describe : describe.skip)('createPrometheusRuleFiles', () => {
  let ruleDirectory: string;
  let prometheus: ReturnType<typeof fakePrometheus>;
  let ruleFiles: ReturnType<typeof createPrometheusRuleFiles>;

  beforeEach(async () => {
    ruleDirectory = mkdtempSync(join(tmpdir(), 'rule-files-'));
    prometheus = fakePrometheus(ruleDirectory);
    await new Promise<void>(resolve =>
      prometheus.server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = prometheus.server.address() as AddressInfo;
    ruleFiles = createPrometheusRuleFiles({
      settings: {
        ruleDirectory,
        prometheusUrl: `http://127.0.0.1:${port}`,
        promtool: 'promtool',
        timeoutMs: 5000,
      },
      logger: mockServices.logger.mock(),
    });
  });

  afterEach(async () => {
    await new Promise(resolve => prometheus.server.close(resolve));
    rmSync(ruleDirectory, { recursive: true, force: true });
  });

  it('replaces the file and returns once Prometheus reports its rules', async () => {
    await ruleFiles.replace('web.yml', ruleFile('r-1'), ['r-1']);
    expect(readdirSync(ruleDirectory)).toEqual(['web.yml']);
    expect(readFileSync(join(ruleDirectory, 'web.yml'), 'utf8')).toBe(
      ruleFile('r-1'),
    );
    expect(prometheus.state.reloads).toBe(1);
  });

  it('leaves a file that is already as rendered alone, without a reload', async () => {
    await ruleFiles.replace('web.yml', ruleFile('r-1'), ['r-1']);
    await ruleFiles.replace('web.yml', ruleFile('r-1'), ['r-1']);
    expect(prometheus.state.reloads).toBe(1);
  });

  it('refuses a file promtool rejects, with its complaint, and leaves the old file and Prometheus alone', async () => {
    await ruleFiles.replace('web.yml', ruleFile('r-1'), ['r-1']);
    const broken = ruleFile('r-2').replace('vector(1) > 0', 'rate(up[5m]');
    const replacing = ruleFiles.replace('web.yml', broken, ['r-2']);
    await expect(replacing).rejects.toThrow(InputError);
    await expect(replacing).rejects.toThrow(
      /do not pass promtool check rules: .*parse error/,
    );
    expect(readdirSync(ruleDirectory)).toEqual(['web.yml']);
    expect(readFileSync(join(ruleDirectory, 'web.yml'), 'utf8')).toBe(
      ruleFile('r-1'),
    );
    expect(prometheus.state.reloads).toBe(1);
  });

  it('puts the previous file back and reloads it when the reload fails', async () => {
    await ruleFiles.replace('web.yml', ruleFile('r-1'), ['r-1']);
    prometheus.state.failReload = true;
    await expect(
      ruleFiles.replace('web.yml', ruleFile('r-2'), ['r-2']),
    ).rejects.toThrow(ServiceUnavailableError);
    expect(readFileSync(join(ruleDirectory, 'web.yml'), 'utf8')).toBe(
      ruleFile('r-1'),
    );
    // The failed reload, then the one that restores the previous rules.
    expect(prometheus.state.reloads).toBe(3);
  });

  it('removes a new file again when Prometheus does not report its rules', async () => {
    writeFileSync(join(ruleDirectory, 'other.yml'), ruleFile('r-other'));
    await expect(
      ruleFiles.replace('web.yml', ruleFile('r-1'), ['r-1', 'r-missing']),
    ).rejects.toThrow(
      /reports rules \[r-1\] from web.yml, not \[r-1,r-missing\]/,
    );
    expect(readdirSync(ruleDirectory)).toEqual(['other.yml']);
  });
});
