/**
 * The scale target's pods, as groups created at the same sync. Pods of one
 * replay differ only in when they were created, so a group stands for them all.
 */
import type { PodSample } from '../hpa/types';

/** Pods created together. */
interface Cohort {
  /** When they run and pass readiness, in seconds since the replay's start; -Infinity for the pods there at the start. */
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
  readonly #startupSeconds: number;
  readonly #sampleWindowSeconds: number;
  #total = 0;
  readonly #counts: PodCounts = { total: 0, running: 0, freshlyStarted: 0 };

  constructor(
    initialReplicas: number,
    startupSeconds: number,
    sampleWindowSeconds: number,
  ) {
    this.#startupSeconds = startupSeconds;
    this.#sampleWindowSeconds = sampleWindowSeconds;
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
  scaleTo(replicas: number, elapsed: number): void {
    if (replicas > this.#total) {
      this.#cohorts.push({
        startsAt: elapsed + this.#startupSeconds,
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

  /**
   * Each pod as the HPA algorithm reads it, for the step-by-step baseline;
   * `origin` is the replay's start in epoch ms.
   */
  podSamples(
    elapsed: number,
    origin: number,
    requestMillicores: number,
  ): PodSample[] {
    const samples: PodSample[] = [];
    this.#cohorts.forEach(({ startsAt, count }, cohort) => {
      const started = startsAt < elapsed;
      // The pods there at the start have run for longer than any window looks back.
      const startTime = Number.isFinite(startsAt)
        ? origin + startsAt * 1000
        : 0;
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

  /** How the pods stand at `elapsed`, in an object the next call overwrites. */
  counts(elapsed: number): PodCounts {
    let running = 0;
    let freshlyStarted = 0;
    // Newest first: once a cohort is past its sample window, every older one is too.
    for (let i = this.#cohorts.length - 1; i >= 0; i--) {
      const { startsAt, count } = this.#cohorts[i];
      // A pod due at this very instant starts after the sync has read the pods.
      if (startsAt >= elapsed) continue;
      running += count;
      if (elapsed < startsAt + this.#sampleWindowSeconds) {
        freshlyStarted += count;
      } else {
        for (let j = i - 1; j >= 0; j--) running += this.#cohorts[j].count;
        break;
      }
    }
    const counts = this.#counts;
    counts.total = this.#total;
    counts.running = running;
    counts.freshlyStarted = freshlyStarted;
    return counts;
  }
}
