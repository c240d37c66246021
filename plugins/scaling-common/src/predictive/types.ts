import type { ForecastHour } from '../forecast';
import type { ReplicaFloorStep } from '../whatif';

/** What a predictive schedule is fitted from: a load forecast and how the service scales. */
export interface ScheduleFitInput {
  /** Forecast CPU of the whole service per hour, in millicores, with its upper band. */
  forecast: readonly ForecastHour[];
  /** CPU request of one pod, in millicores. */
  cpuRequestMillicores: number;
  /** The HPA's CPU target, in percent of the request. */
  targetUtilization: number;
  /** The HPA's own bounds: the schedule never goes below the minimum nor above the maximum. */
  minReplicas: number;
  maxReplicas: number;
  /**
   * How long before the load the capacity must be asked for: pod start-up plus the HPA's
   * reaction (see {@link hpaLeadTimeSeconds}).
   */
  leadTimeSeconds: number;
}

/** A proposed schedule of HPA minimums, the steps in time order. */
export interface PredictiveSchedule {
  steps: ReplicaFloorStep[];
  leadTimeSeconds: number;
  /** The end of the forecast: the last step gives the HPA its own minimum back. */
  until: number;
}
