import { validateMaintenanceWindow } from './maintenanceWindow';

const now = new Date('2026-12-05T20:00:00Z');

describe('validateMaintenanceWindow', () => {
  it('accepts a window that ends in the future, within a week of its start', () => {
    const window = {
      startsAt: '2026-12-05T22:00:00Z',
      endsAt: '2026-12-06T02:00:00Z',
      comment: 'Database upgrade',
      region: 'eu-west',
    };
    expect(validateMaintenanceWindow(window, now)).toEqual({
      valid: true,
      window,
    });
  });

  it('names the field of each problem', () => {
    expect(
      validateMaintenanceWindow(
        { startsAt: 'tonight', endsAt: '2026-12-06T02:00:00Z', comment: ' ' },
        now,
      ),
    ).toEqual({
      valid: false,
      problems: [
        {
          field: 'startsAt',
          message:
            'startsAt must be a date and time such as 2026-12-05T22:00:00Z; got "tonight"',
        },
        {
          field: 'comment',
          message: 'comment must be non-empty text; got " "',
        },
      ],
    });
  });

  it('refuses an end before the start, in the past, or more than a week on', () => {
    const problemOf = (startsAt: string, endsAt: string) => {
      const result = validateMaintenanceWindow(
        { startsAt, endsAt, comment: 'upgrade' },
        now,
      );
      return result.valid ? undefined : result.problems;
    };
    expect(problemOf('2026-12-05T22:00:00Z', '2026-12-05T21:00:00Z')).toEqual([
      {
        field: 'endsAt',
        message:
          'endsAt must be after startsAt (2026-12-05T22:00:00Z); got "2026-12-05T21:00:00Z"',
      },
    ]);
    expect(problemOf('2026-12-05T10:00:00Z', '2026-12-05T11:00:00Z')).toEqual([
      {
        field: 'endsAt',
        message: 'endsAt must be in the future; got "2026-12-05T11:00:00Z"',
      },
    ]);
    expect(problemOf('2026-12-05T22:00:00Z', '2026-12-20T22:00:00Z')).toEqual([
      {
        field: 'endsAt',
        message:
          'endsAt must be at most 7 days after startsAt; a longer window would hide real outages; got "2026-12-20T22:00:00Z"',
      },
    ]);
  });
});
