import { readSparklineWindow } from './windows';

describe('readSparklineWindow', () => {
  it('steps through the window in about sixty points', () => {
    expect(readSparklineWindow('1h')).toEqual({
      window: '1h',
      seconds: 3600,
      stepSeconds: 60,
    });
    expect(readSparklineWindow('5m')).toEqual({
      window: '5m',
      seconds: 300,
      stepSeconds: 5,
    });
  });

  it('refuses a window shorter than 5m or longer than 7d', () => {
    expect(() => readSparklineWindow('1m')).toThrow(
      'window must be a span from 5m to 7d such as 1h or 6h, not "1m"',
    );
    expect(() => readSparklineWindow('8d')).toThrow(/not "8d"/);
  });
});
