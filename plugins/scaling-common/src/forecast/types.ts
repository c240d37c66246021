/** The load of one whole hour: e.g. the CPU cores a service used on average over it. */
export interface HourlyLoad {
  /** Start of the hour, epoch ms. */
  at: number;
  value: number;
}

/** One forecast hour, with the value the load stayed under in 9 of 10 validation hours. */
export interface ForecastHour {
  at: number;
  value: number;
  upper: number;
}

export interface LoadForecast {
  hours: ForecastHour[];
  /** The smoothing weights the grid search chose. */
  weights: { level: number; daily: number; weekly: number };
  /** Whether the history held the two weeks a weekly season needs. */
  weeklySeason: boolean;
  /**
   * Mean MAPE (%) of the forecasts of the history's last weeks from the weeks before them, when
   * it held three weeks or more.
   */
  validationMape?: number;
}

/** How a forecast compared with what happened. */
export interface ForecastAccuracy {
  /** Mean absolute percentage error over the hours with load, in percent. */
  mape: number;
  /** Share of hours, 0–1, whose load exceeded the forecast. */
  underForecastShare: number;
  hours: number;
}
