/**
 * The scale target's pods, as groups created at the same sync. Pods of one
 * replay differ only in when they were created, so a group stands for them all.
 */
import type { PodSample } from '../hpa/types';

/** Pods created together. */
interface Cohort {
  /** When they run and pass readiness (epoch ms); -Infinity for the pods there at the start. */
  startsAt: number;
  count: number;
}

/** How the pods stand at one instant. */
export interface PodCounts {
  /** Every pod that exists, started or not. */
  total: number;
  /** Running and ready: they share the traffic. */
  running: number;
  /**
   * Running pods whose CPU sample the controller does not trust yet: the
   * sample's window does not lie wholly after the pod became ready.
   */
  freshlyStarted: number;
}

export class PodCohorts {
  /** Oldest first. */
  readonly #cohorts: Cohort[] = [];
  readonly #startupMs: number;
  readonly #sampleWindowMs: number;
  #total = 0;

  constructor(
    initialReplicas: number,
    startupMs: number,
    sampleWindowMs: number,
  ) {
    this.#startupMs = startupMs;
    this.#sampleWindowMs = sampleWindowMs;
    if (initialReplicas > 0) {
      this.#cohorts.push({ startsAt: -Infinity, count: initialReplicas });
      this.#total = initialReplicas;
    }
  }

  get total(): number {
    return this.#total;
  }

  /**
   * Creates or deletes pods to reach `replicas`. Like the ReplicaSet
   * controller, it deletes pending pods first, then the most recently started.
   */
  scaleTo(replicas: number, now: number): void {
    if (replicas > this.#total) {
      this.#cohorts.push({
        startsAt: now + this.#startupMs,
        count: replicas - this.#total,
      });
    }
    let excess = this.#total - replicas;
    while (excess > 0) {
      const newest = this.#cohorts[this.#cohorts.length - 1];
      const removed = Math.min(newest.count, excess);
      newest.count -= removed;
      excess -= removed;
      if (newest.count === 0) this.#cohorts.pop();
    }
    this.#total = replicas;
  }

  /** Each pod as the HPA algorithm reads it, for the step-by-step baseline. */
  podSamples(now: number, requestMillicores: number): PodSample[] {
    const samples: PodSample[] = [];
    this.#cohorts.forEach(({ startsAt, count }, cohort) => {
      const started = startsAt < now;
      // The pods there at the start have run for longer than any window looks back.
      const startTime = Number.isFinite(startsAt) ? startsAt : 0;
      for (let i = 0; i < count; i++) {
        samples.push({
          name: `pod-${cohort}-${i}`,
          phase: started ? 'Running' : 'Pending',
          ready: started,
          startTime: started ? startTime : undefined,
          readyTransitionTime: started ? startTime : undefined,
          requests: { cpu: requestMillicores },
        });
      }
    });
    return samples;
  }

  counts(now: number): PodCounts {
    let running = 0;
    let freshlyStarted = 0;
    // Newest first: once a cohort is past its sample window, every older one is too.
    for (let i = this.#cohorts.length - 1; i >= 0; i--) {
      const { startsAt, count } = this.#cohorts[i];
      // A pod due at this very instant starts after the sync has read the pods.
      if (startsAt >= now) continue;
      running += count;
      if (now < startsAt + this.#sampleWindowMs) {
        freshlyStarted += count;
      } else {
        for (let j = i - 1; j >= 0; j--) running += this.#cohorts[j].count;
        break;
      }
    }
    return { total: this.#total, running, freshlyStarted };
  }
}
