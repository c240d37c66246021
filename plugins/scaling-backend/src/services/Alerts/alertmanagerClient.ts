import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { promLabelValue } from '@meschain/backstage-plugin-scaling-common';
import { AlertsSettings } from './alertsSettings';

/** An alert as Alertmanager's API v2 lists it. */
export interface AlertmanagerAlert {
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  status: {
    state: 'active' | 'suppressed' | 'unprocessed';
    silencedBy: string[];
    inhibitedBy: string[];
  };
}

export interface SilenceMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual?: boolean;
}

/** A silence as Alertmanager's API v2 lists it. */
export interface AlertmanagerSilence {
  id: string;
  matchers: SilenceMatcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  status: { state: 'active' | 'pending' | 'expired' };
}

/** The parts of Alertmanager's API v2 the alerts use. */
export interface AlertmanagerClient {
  /** Alerts whose labels equal `labels`. */
  listAlerts(labels: Record<string, string>): Promise<AlertmanagerAlert[]>;
  /** Silences with an equality matcher for each of `labels`. */
  listSilences(labels: Record<string, string>): Promise<AlertmanagerSilence[]>;
  /** @throws NotFoundError for an unknown id */
  getSilence(id: string): Promise<AlertmanagerSilence>;
  /** Returns the new silence's id. */
  createSilence(
    silence: Omit<AlertmanagerSilence, 'id' | 'status'>,
  ): Promise<string>;
  expireSilence(id: string): Promise<void>;
}

function filterOf(labels: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(labels)) {
    params.append('filter', `${name}=${promLabelValue(value)}`);
  }
  return params.toString();
}

export function createAlertmanagerClient(
  settings: Pick<AlertsSettings, 'alertmanagerUrl' | 'timeoutMs'>,
): AlertmanagerClient {
  async function call(path: string, init?: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${settings.alertmanagerUrl}/api/v2${path}`, {
        ...init,
        headers: { 'content-type': 'application/json' },
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
    } catch (error) {
      throw new ServiceUnavailableError(
        `Alertmanager could not be reached: ${(error as Error).message}`,
      );
    }
    if (response.status === 404) {
      throw new NotFoundError(`Alertmanager has no ${path}`);
    }
    if (!response.ok) {
      throw new ServiceUnavailableError(
        `Alertmanager answered ${path} with ${response.status}: ${(
          await response.text()
        ).trim()}`,
      );
    }
    return response;
  }

  return {
    async listAlerts(labels) {
      return (await call(`/alerts?${filterOf(labels)}`)).json();
    },
    async listSilences(labels) {
      return (await call(`/silences?${filterOf(labels)}`)).json();
    },
    async getSilence(id) {
      return (await call(`/silence/${encodeURIComponent(id)}`)).json();
    },
    async createSilence(silence) {
      const response = await call('/silences', {
        method: 'POST',
        body: JSON.stringify(silence),
      });
      return ((await response.json()) as { silenceID: string }).silenceID;
    },
    async expireSilence(id) {
      await call(`/silence/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },
  };
}
