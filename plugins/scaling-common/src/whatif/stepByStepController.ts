/**
 * The baseline controller of a replay: every sync lists each pod and its
 * metrics and runs the HPA module's full `computeHpaRecommendation`, whose
 * windows scan every recorded recommendation. Slow, and the reference the
 * incremental controller is held to.
 */
import { computeHpaRecommendation } from '../hpa/autoscaler';
import { applyHpaSpecDefaults } from '../hpa/defaults';
import type {
  HpaControllerOptions,
  HpaHistory,
  HpaSpec,
  MetricObservations,
  PodUsageSample,
} from '../hpa/types';
import type { ReplayController, Rescale, SyncView } from './controllerLoop';
import { podCpuDemand, ServiceModel } from './serviceModel';

export class StepByStepController implements ReplayController {
  readonly #spec: HpaSpec;
  readonly #options: HpaControllerOptions;
  readonly #model: ServiceModel;
  /** A replayed pod runs one container, named as the policy names it. */
  readonly #container: string;
  /** The replay's start, epoch ms. */
  readonly #origin: number;
  #history?: HpaHistory;

  constructor(
    spec: HpaSpec,
    options: HpaControllerOptions,
    model: ServiceModel,
    origin: number,
  ) {
    this.#origin = origin;
    this.#spec = applyHpaSpecDefaults(spec);
    this.#options = options;
    this.#model = model;
    const containerMetric = this.#spec.metrics?.find(
      metric => metric.type === 'ContainerResource',
    );
    this.#container =
      containerMetric?.type === 'ContainerResource'
        ? containerMetric.containerResource.container
        : 'app';
  }

  sync(view: SyncView): Rescale | undefined {
    const { now, currentReplicas, minReplicas, load } = view;
    const pods = view.pods
      .podSamples(view.elapsed, this.#origin, this.#model.requestMillicores)
      .map(pod => ({
        ...pod,
        containers: [{ name: this.#container, requests: pod.requests }],
      }));
    const running = pods.filter(pod => pod.phase === 'Running');
    const podCpu = Math.min(
      podCpuDemand(this.#model, load.cpuMillicores, running.length),
      this.#model.capacityMillicores,
    );
    const podUsage: Record<string, PodUsageSample> = {};
    const requestRates: Record<string, number> = {};
    for (const pod of running) {
      podUsage[pod.name] = {
        usage: { cpu: podCpu },
        containers: { [this.#container]: { cpu: podCpu } },
        timestamp: now,
      };
      requestRates[pod.name] = load.requestsPerSecond / running.length;
    }
    const metrics: MetricObservations = {
      podUsage,
      pods: [
        { metric: { name: 'http_requests_per_second' }, values: requestRates },
        {
          metric: { name: 'http_requests_per_minute' },
          values: Object.fromEntries(
            Object.entries(requestRates).map(([name, rate]) => [
              name,
              rate * 60,
            ]),
          ),
        },
      ],
    };
    const recommendation = computeHpaRecommendation({
      spec: { ...this.#spec, minReplicas },
      currentReplicas,
      pods,
      metrics,
      now,
      history: this.#history,
      options: this.#options,
    });
    this.#history = recommendation.nextHistory;
    return recommendation.rescale
      ? {
          replicas: recommendation.desiredReplicas,
          reason: recommendation.reason ?? 'All metrics below target',
        }
      : undefined;
  }
}
