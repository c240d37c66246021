import { csvField, csvOf } from './reportCsv';
import { lastDayOf, previousWeek } from './periods';

describe('the reports’ CSV', () => {
  it('quotes fields as RFC 4180 says, and ends each record with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.25)).toBe('0.25');
    expect(
      csvOf([
        ['a', 'b'],
        [1, 'x,y'],
      ]),
    ).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe('previousWeek', () => {
  it('is the Monday-to-Monday UTC week before the one now is in', () => {
    const week = { start: '2026-11-23', end: '2026-11-30' };
    expect(previousWeek(new Date('2026-11-30T06:00:00Z'))).toEqual(week);
    expect(previousWeek(new Date('2026-12-06T23:59:59Z'))).toEqual(week);
    expect(previousWeek(new Date('2026-12-07T00:00:00Z'))).toEqual({
      start: '2026-11-30',
      end: '2026-12-07',
    });
  });
});

describe('lastDayOf', () => {
  it('is the day before the exclusive end, across months', () => {
    expect(lastDayOf('2026-12-01')).toBe('2026-11-30');
  });
});
