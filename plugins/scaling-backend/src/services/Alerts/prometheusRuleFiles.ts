import { LoggerService } from '@backstage/backend-plugin-api';
import {
  InputError,
  ServiceUnavailableError,
  toError,
} from '@backstage/errors';
import { execFile } from 'child_process';
import { randomUUID } from 'crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'fs/promises';
import { basename, join } from 'path';
import { promisify } from 'util';
import { AlertsSettings } from './alertsSettings';

const run = promisify(execFile);

/** How often, and how long, the rules Prometheus reports are read until the new file shows. */
const CONFIRM_POLL_MS = 200;
const CONFIRM_ATTEMPTS = 25;

/** Rule files in the directory Prometheus loads, each replaced only once promtool and Prometheus accept it. */
export interface PrometheusRuleFiles {
  /**
   * Replaces the file: writes it beside the old one, checks it with
   * `promtool check rules`, renames it over the old one, reloads Prometheus
   * and waits until Prometheus reports exactly `ruleIds` from it. A failed
   * reload or a rule Prometheus does not report puts the old file back. A file
   * that already has this content is left as it is.
   *
   * @throws InputError with promtool's complaint when the file does not pass
   * @throws ServiceUnavailableError when Prometheus did not load the file
   */
  replace(fileName: string, content: string, ruleIds: string[]): Promise<void>;
}

type RulesBody = {
  status: string;
  data?: {
    groups: Array<{
      file: string;
      rules: Array<{ labels?: Record<string, string> }>;
    }>;
  };
};

export function createPrometheusRuleFiles(options: {
  settings: Pick<
    AlertsSettings,
    'ruleDirectory' | 'prometheusUrl' | 'promtool' | 'timeoutMs'
  >;
  logger: LoggerService;
}): PrometheusRuleFiles {
  const { ruleDirectory, prometheusUrl, promtool, timeoutMs } =
    options.settings;
  const { logger } = options;

  async function check(path: string) {
    try {
      await run(promtool, ['check', 'rules', path], { timeout: timeoutMs });
    } catch (error) {
      const failure = error as NodeJS.ErrnoException & {
        stdout?: string;
        stderr?: string;
      };
      if (failure.code === 'ENOENT') {
        throw new ServiceUnavailableError(
          `Alert rules cannot be checked: ${promtool} is not installed`,
        );
      }
      // Its complaints, without the lines that only say what it checked.
      const output = `${failure.stderr ?? ''}${failure.stdout ?? ''}`
        .split(path)
        .join('the rule file')
        .split('\n')
        .map(line => line.trim())
        .filter(line => line && line !== 'FAILED:' && !/^Checking /.test(line))
        .join('; ');
      throw new InputError(
        `The alert rules do not pass promtool check rules: ${output}`,
      );
    }
  }

  async function prometheus(path: string, init?: RequestInit) {
    const response = await fetch(`${prometheusUrl}${path}`, {
      ...init,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      throw new Error(
        `${path} answered ${response.status} ${(await response.text()).trim()}`,
      );
    }
    return response;
  }

  async function loadedRuleIds(fileName: string): Promise<string[]> {
    const response = await prometheus('/api/v1/rules?type=alert');
    const body = (await response.json()) as RulesBody;
    return (body.data?.groups ?? [])
      .filter(group => basename(group.file) === fileName)
      .flatMap(group => group.rules.map(rule => rule.labels?.rule_id ?? ''));
  }

  async function confirmLoaded(fileName: string, ruleIds: string[]) {
    const expected = [...ruleIds].sort().join(',');
    for (let attempt = 1; ; attempt++) {
      const loaded = (await loadedRuleIds(fileName)).sort().join(',');
      if (loaded === expected) {
        return;
      }
      if (attempt === CONFIRM_ATTEMPTS) {
        throw new Error(
          `Prometheus reports rules [${loaded}] from ${fileName}, not [${expected}]`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, CONFIRM_POLL_MS));
    }
  }

  async function reload() {
    await prometheus('/-/reload', { method: 'POST' });
  }

  return {
    async replace(fileName, content, ruleIds) {
      await mkdir(ruleDirectory, { recursive: true });
      const path = join(ruleDirectory, fileName);
      const previous = await readFile(path, 'utf8').catch(() => undefined);
      if (previous === content) {
        return;
      }
      // Outside Prometheus' `*.yml` glob until it has passed promtool.
      const candidate = join(ruleDirectory, `.${fileName}.${randomUUID()}.tmp`);
      await writeFile(candidate, content);
      try {
        await check(candidate);
      } catch (error) {
        await rm(candidate, { force: true });
        throw error;
      }
      await rename(candidate, path);
      try {
        await reload();
        await confirmLoaded(fileName, ruleIds);
      } catch (error) {
        if (previous === undefined) {
          await rm(path, { force: true });
        } else {
          await writeFile(path, previous);
        }
        await reload().catch(reloadError =>
          logger.error('Could not reload Prometheus with the previous rules', {
            file: fileName,
            error: toError(reloadError).message,
          }),
        );
        throw new ServiceUnavailableError(
          `Prometheus did not load the alert rules, which are left as they were: ${
            toError(error).message
          }`,
        );
      }
    },
  };
}
