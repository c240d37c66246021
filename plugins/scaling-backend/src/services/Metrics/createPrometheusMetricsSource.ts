import { ServiceUnavailableError } from '@backstage/errors';
import {
  MetricSample,
  MetricSeries,
  MetricsSource,
} from '@meschain/backstage-plugin-scaling-node';
import { PrometheusConfig } from './readPrometheusConfig';

type PrometheusValue = [number, string];

type PrometheusResult =
  | {
      resultType: 'vector';
      result: Array<{ metric: Record<string, string>; value: PrometheusValue }>;
    }
  | {
      resultType: 'matrix';
      result: Array<{
        metric: Record<string, string>;
        values: PrometheusValue[];
      }>;
    }
  | { resultType: 'scalar'; result: PrometheusValue }
  | { resultType: 'string'; result: PrometheusValue };

type PrometheusBody =
  | { status: 'success'; data: PrometheusResult }
  | { status: 'error'; errorType?: string; error?: string };

/** Prometheus writes sample values as strings, with `+Inf`, `-Inf` and `NaN`. */
function sampleValue(value: string): number {
  if (value === '+Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  return Number(value);
}

const toEpochSeconds = (date: Date) => date.getTime() / 1000;

/**
 * The default metrics source: Prometheus' HTTP API (`/api/v1/query` and
 * `/api/v1/query_range`), a region's own Prometheus when one is configured,
 * else the global one, whose series tell regions apart by their `region` label.
 */
export function createPrometheusMetricsSource(
  config: PrometheusConfig,
): MetricsSource {
  function prometheusOf(region: string): string {
    const url = config.regions.get(region) ?? config.url;
    if (!url) {
      throw new ServiceUnavailableError(
        `No Prometheus is configured for region ${region}; set scaling.metrics.prometheus.url or an entry of scaling.metrics.prometheus.regions`,
      );
    }
    return url;
  }

  async function call(
    region: string,
    path: string,
    params: Record<string, string>,
  ): Promise<PrometheusResult> {
    const url = `${prometheusOf(region)}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${config.timeoutMs} ms`
          : (error as Error).message;
      throw new ServiceUnavailableError(
        `Prometheus of region ${region} could not be reached: ${reason}`,
      );
    }
    const body = (await response.json().catch(() => undefined)) as
      | PrometheusBody
      | undefined;
    if (body?.status === 'error') {
      throw new ServiceUnavailableError(
        `Prometheus of region ${region} answered ${response.status} ${
          body.errorType ?? 'error'
        }: ${body.error ?? 'no reason given'}`,
      );
    }
    if (!response.ok || body?.status !== 'success' || !body.data) {
      throw new ServiceUnavailableError(
        `Prometheus of region ${region} answered ${response.status} ${response.statusText} without a query result`,
      );
    }
    return body.data;
  }

  return {
    async query(promql, { region, time }) {
      const params: Record<string, string> = { query: promql };
      if (time) params.time = String(toEpochSeconds(time));
      const data = await call(region, '/api/v1/query', params);
      switch (data.resultType) {
        case 'vector':
          return data.result.map(
            ({ metric, value: [at, value] }): MetricSample => ({
              labels: metric,
              time: at,
              value: sampleValue(value),
            }),
          );
        case 'scalar':
          return [
            {
              labels: {},
              time: data.result[0],
              value: sampleValue(data.result[1]),
            },
          ];
        default:
          throw new ServiceUnavailableError(
            `Prometheus of region ${region} answered a ${data.resultType} to an instant query`,
          );
      }
    },

    async queryRange(promql, { region, start, end, stepSeconds }) {
      const data = await call(region, '/api/v1/query_range', {
        query: promql,
        start: String(toEpochSeconds(start)),
        end: String(toEpochSeconds(end)),
        step: String(stepSeconds),
      });
      if (data.resultType !== 'matrix') {
        throw new ServiceUnavailableError(
          `Prometheus of region ${region} answered a ${data.resultType} to a range query`,
        );
      }
      return data.result.map(
        ({ metric, values }): MetricSeries => ({
          labels: metric,
          points: values.map(([at, value]) => [at, sampleValue(value)]),
        }),
      );
    },
  };
}
