import type {
  AttachSimulation,
  ClusterSimulation,
  SandboxCluster,
} from '../cluster/types';
import type { LoadModel, LoadModelOptions } from '../load';
import type { UsageSampler } from '../metrics';
import { createClusterTelemetry } from './clusterTelemetry';
import { DeploymentController } from './DeploymentController';
import { EventRecorder } from './EventRecorder';
import { HorizontalPodAutoscalerController } from './HorizontalPodAutoscalerController';
import { Kubelet } from './Kubelet';
import { ReplicaSetController } from './ReplicaSetController';
import { RolloutController } from './rollouts/RolloutController';
import { Scheduler } from './Scheduler';
import { runControllers, type SimulatedController } from './Simulation';

export interface SimulationOptions {
  /** Simulated time from a pod's creation to Ready. Default 5 s. */
  podReadyDelayMs?: number;
  /** Applied over every service's load profile, e.g. `{ noise: 0, incidentRate: 0 }`. */
  load?: LoadModelOptions['overrides'];
  /** How often each HPA is evaluated, in simulated time. Default 15 s, as upstream. */
  hpaSyncPeriodMs?: number;
  /**
   * How often the Prometheus HTTP counters integrate the load, in simulated time. Default 15 s;
   * 1 s gives a real Prometheus exact rates over windows of a few scrapes.
   */
  trafficStepMs?: number;
}

/** The simulation of one cluster, with its load model exposed for demos and tests (e.g. surges). */
export interface SandboxSimulation extends ClusterSimulation {
  load: LoadModel;
  usage: UsageSampler;
}

export function createSimulation(
  options: SimulationOptions = {},
): (cluster: SandboxCluster) => SandboxSimulation {
  return (cluster: SandboxCluster) => {
    const { store, clock } = cluster;
    const events = new EventRecorder(store, clock);
    const telemetry = createClusterTelemetry(cluster, {
      load: options.load,
      trafficStepMs: options.trafficStepMs,
    });
    const { usage } = telemetry;
    const scheduler = new Scheduler(store);
    const kubelet = new Kubelet(store, clock, {
      podReadyDelayMs: options.podReadyDelayMs ?? 5_000,
    });
    const controllers: SimulatedController[] = [
      new HorizontalPodAutoscalerController({
        store,
        clock,
        events,
        usage,
        syncPeriodMs: options.hpaSyncPeriodMs ?? 15_000,
      }),
      new RolloutController({ store, clock, events }),
      new DeploymentController({ store, clock, events }),
      new ReplicaSetController({ store, clock, events, scheduler }),
      {
        observe: event => {
          scheduler.observe(event);
          kubelet.observe(event);
          telemetry.observe(event);
        },
        reconcile: now => {
          scheduler.bindPending();
          return kubelet.reconcile(now);
        },
      },
    ];
    const simulation = runControllers(cluster, {
      controllers,
      beforeTick: now => {
        events.sweep(now);
        telemetry.advance(now);
      },
      routes: telemetry.routes,
      discovery: telemetry.discovery,
    });
    return { ...simulation, load: telemetry.load, usage };
  };
}

/** The simulation with default options, as the sandbox server attaches it to each cluster. */
export const attachSimulation: AttachSimulation = createSimulation();
