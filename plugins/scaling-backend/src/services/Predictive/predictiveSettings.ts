import { Config } from '@backstage/config';

export type PredictiveSettings = {
  /** From a pod's creation until it serves: part of the lead time of each raised minimum. */
  podStartupSeconds: number;
};

export function readPredictiveSettings(config: Config): PredictiveSettings {
  return {
    podStartupSeconds:
      config.getOptionalNumber('scaling.predictive.podStartupSeconds') ?? 60,
  };
}
