import { Config } from '@backstage/config';
import {
  DEFAULT_SIGNAL_WINDOW,
  isPromDuration,
  ServiceSlo,
} from '@meschain/backstage-plugin-scaling-common';

export interface HealthSettings {
  /** Objectives of services that declare none by annotation. */
  sloDefaults: Partial<ServiceSlo>;
  /** The window `rate()` reads the current golden signals over. */
  rateWindow: string;
}

export function readHealthSettings(config: Config): HealthSettings {
  const slo = config.getOptionalConfig('scaling.slo');
  const sloDefaults: Partial<ServiceSlo> = {};
  const availability = slo?.getOptionalNumber('availability');
  if (availability !== undefined) {
    if (!(availability > 0 && availability < 100)) {
      throw new Error(
        `scaling.slo.availability must be a percentage above 0 and below 100, not ${availability}`,
      );
    }
    sloDefaults.availability = availability;
  }
  const latencyP95Ms = slo?.getOptionalNumber('latencyP95Ms');
  if (latencyP95Ms !== undefined) {
    if (!(latencyP95Ms > 0)) {
      throw new Error(
        `scaling.slo.latencyP95Ms must be a positive number of milliseconds, not ${latencyP95Ms}`,
      );
    }
    sloDefaults.latencyP95Ms = latencyP95Ms;
  }
  const windowDays = slo?.getOptionalNumber('windowDays');
  if (windowDays !== undefined) {
    if (!(Number.isInteger(windowDays) && windowDays >= 1)) {
      throw new Error(
        `scaling.slo.windowDays must be a whole number of days, at least 1, not ${windowDays}`,
      );
    }
    sloDefaults.windowDays = windowDays;
  }
  const rateWindow =
    config.getOptionalString('scaling.metrics.rateWindow') ??
    DEFAULT_SIGNAL_WINDOW;
  if (!isPromDuration(rateWindow)) {
    throw new Error(
      `scaling.metrics.rateWindow must be a Prometheus duration such as 5m, not "${rateWindow}"`,
    );
  }
  return { sloDefaults, rateWindow };
}
