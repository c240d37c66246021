import { isPromDuration, promDurationSeconds } from './promDuration';

describe('isPromDuration', () => {
  it('accepts compound durations and refuses bare numbers', () => {
    expect(isPromDuration('1h30m')).toBe(true);
    expect(isPromDuration('30d')).toBe(true);
    expect(isPromDuration('60')).toBe(false);
    expect(isPromDuration('')).toBe(false);
  });
});

describe('promDurationSeconds', () => {
  it('adds up the units of a compound duration', () => {
    expect(promDurationSeconds('1h30m')).toBe(5400);
    expect(promDurationSeconds('1w')).toBe(604_800);
    expect(promDurationSeconds('1s500ms')).toBe(1.5);
  });

  it('answers undefined for what is not a duration', () => {
    expect(promDurationSeconds('5 minutes')).toBeUndefined();
    expect(promDurationSeconds('5')).toBeUndefined();
  });
});
