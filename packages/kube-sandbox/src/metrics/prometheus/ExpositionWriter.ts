/** Prometheus text exposition format (version 0.0.4): families with HELP and TYPE, then samples. */

export type MetricType = 'gauge' | 'counter' | 'histogram';
export type Labels = Readonly<Record<string, string | undefined>>;

interface Family {
  type: MetricType;
  help: string;
  lines: string[];
}

export const EXPOSITION_CONTENT_TYPE =
  'text/plain; version=0.0.4; charset=utf-8';

export class ExpositionWriter {
  readonly #families = new Map<string, Family>();
  readonly #common: Labels;

  /** `common` labels (e.g. cluster and region) are added to every sample. */
  constructor(common: Labels = {}) {
    this.#common = common;
  }

  gauge(name: string, help: string, labels: Labels, value: number): void {
    this.#sample(name, 'gauge', help, name, labels, value);
  }

  counter(name: string, help: string, labels: Labels, value: number): void {
    this.#sample(name, 'counter', help, name, labels, value);
  }

  /** One histogram series: cumulative bucket counts by upper bound, plus sum and count. */
  histogram(
    name: string,
    help: string,
    labels: Labels,
    series: {
      buckets: readonly (readonly [number, number])[];
      sum: number;
      count: number;
    },
  ): void {
    for (const [le, count] of series.buckets)
      this.#sample(
        name,
        'histogram',
        help,
        `${name}_bucket`,
        { ...labels, le: formatNumber(le) },
        count,
      );
    this.#sample(
      name,
      'histogram',
      help,
      `${name}_bucket`,
      { ...labels, le: '+Inf' },
      series.count,
    );
    this.#sample(name, 'histogram', help, `${name}_sum`, labels, series.sum);
    this.#sample(
      name,
      'histogram',
      help,
      `${name}_count`,
      labels,
      series.count,
    );
  }

  toString(): string {
    const out: string[] = [];
    for (const [name, family] of this.#families) {
      out.push(
        `# HELP ${name} ${family.help
          .replace(/\\/g, '\\\\')
          .replace(/\n/g, '\\n')}`,
      );
      out.push(`# TYPE ${name} ${family.type}`);
      out.push(...family.lines);
    }
    return `${out.join('\n')}\n`;
  }

  #sample(
    family: string,
    type: MetricType,
    help: string,
    name: string,
    labels: Labels,
    value: number,
  ): void {
    let entry = this.#families.get(family);
    if (!entry) {
      entry = { type, help, lines: [] };
      this.#families.set(family, entry);
    }
    const all = { ...this.#common, ...labels };
    const rendered = Object.entries(all)
      .filter(
        (pair): pair is [string, string] =>
          pair[1] !== undefined && pair[1] !== '',
      )
      .map(([key, v]) => `${sanitizeLabelName(key)}="${escapeLabelValue(v)}"`)
      .join(',');
    entry.lines.push(
      `${name}${rendered ? `{${rendered}}` : ''} ${formatNumber(value)}`,
    );
  }
}

function escapeLabelValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/"/g, '\\"');
}

/** Label names allow [a-zA-Z_][a-zA-Z0-9_]*; Kubernetes label keys are mapped as kube-state-metrics does. */
export function sanitizeLabelName(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return Number.isInteger(value)
    ? String(value)
    : String(Number(value.toPrecision(12)));
}
