import {
  PolicyReplay,
  PolicySimulation,
} from '@meschain/backstage-plugin-scaling-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityRef, scalingOptions } from '../../__testUtils__/fixtures';
import { fakeScalingApi } from '../../__testUtils__/fakeScalingApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { responseError } from '../../__testUtils__/responseError';
import { PolicyEditorDialog } from './PolicyEditorDialog';

// Typing into the dialog's fields takes a few seconds on a busy machine.
jest.setTimeout(30_000);

const START = Date.parse('2026-11-29T00:00:00Z');
const HOUR = 3_600_000;

function replay(
  minutesAboveTarget: number,
  perMonth: number,
  peak: number,
): PolicyReplay {
  return {
    replicas: [
      { at: START, desired: 2, ready: 2 },
      { at: START + 10 * HOUR, desired: peak, ready: 2 },
      { at: START + 20 * HOUR, desired: 2, ready: 2 },
    ],
    scaleEvents: [
      { at: START + 10 * HOUR, from: 2, to: peak, reason: 'cpu above target' },
      {
        at: START + 20 * HOUR,
        from: peak,
        to: 2,
        reason: 'All metrics below target',
      },
    ],
    minutesAboveTarget,
    minutesAboveSlo: minutesAboveTarget / 2,
    replicaHours: 400,
    peakUtilization: 140,
    minutes: 7 * 24 * 60,
    cost: { total: perMonth / 4, perMonth, currency: 'USD' },
  };
}

const simulation: PolicySimulation = {
  region: 'eu-west',
  cluster: 'meschain-eu-west',
  source: 'prometheus',
  stepSeconds: 60,
  start: new Date(START),
  end: new Date(START + 7 * 24 * HOUR),
  podStartupSeconds: 30,
  current: replay(24, 1000, 8),
  candidate: replay(186, 790, 5),
};

function renderEditor(scalingApi = fakeScalingApi()) {
  return renderWithEntity(
    <PolicyEditorDialog
      open
      options={scalingOptions}
      regions={['eu-west', 'us-east']}
      live={[]}
      onClose={jest.fn()}
      onChanged={jest.fn()}
    />,
    { scalingApi },
  );
}

describe('the what-if section of the policy editor', () => {
  it('replays the candidate and shows it beside the live policy, before anything is applied', async () => {
    const scalingApi = fakeScalingApi({
      simulatePolicy: jest.fn().mockResolvedValue(simulation),
    });
    await renderEditor(scalingApi);

    await userEvent.click(screen.getByRole('button', { name: 'Run what-if' }));

    expect(scalingApi.simulatePolicy).toHaveBeenCalledWith(entityRef, {
      policy: expect.objectContaining({ minReplicas: expect.any(Number) }),
      region: 'eu-west',
      days: 7,
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      'The candidate would have run 3.1 h above target instead of 0.4 h and saved $210/month.',
    );
    const rows = within(
      screen.getByRole('table', { name: 'What-if results' }),
    ).getAllByRole('row');
    expect(rows.map(row => row.textContent)).toEqual([
      'Live policyCandidate',
      'Time above target0.4 h3.1 h',
      'Time above SLO0.2 h1.6 h',
      'Rescales22',
      'Peak CPU (of request)140 %140 %',
      'Replica-hours400400',
      'Cost per month$1,000$790',
    ]);
    expect(
      screen.getByRole('img', {
        name: 'Replicas in eu-west over the replayed period: the live policy peaks at 8, the candidate at 5',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Replayed 7 days of Prometheus load at 1-minute resolution in eu-west, with pods serving 30 s after they start.',
      ),
    ).toBeInTheDocument();
    expect(scalingApi.applyPolicy).not.toHaveBeenCalled();
  });

  it('hides the answer once the candidate changes', async () => {
    const scalingApi = fakeScalingApi({
      simulatePolicy: jest.fn().mockResolvedValue(simulation),
    });
    await renderEditor(scalingApi);
    await userEvent.click(screen.getByRole('button', { name: 'Run what-if' }));
    await screen.findByRole('table', { name: 'What-if results' });

    const maximum = screen.getByLabelText('Maximum replicas');
    await userEvent.clear(maximum);
    await userEvent.type(maximum, '12');

    expect(
      screen.queryByRole('table', { name: 'What-if results' }),
    ).not.toBeInTheDocument();
  });

  it('shows the backend’s reason when the replay is refused', async () => {
    const scalingApi = fakeScalingApi({
      simulatePolicy: jest.fn().mockRejectedValue(
        await responseError(404, {
          name: 'NotFoundError',
          message:
            'No recorded load of the service in region eu-west since 2026-11-29T00:00:00.000Z: neither Prometheus nor the stored usage has any',
        }),
      ),
    });
    await renderEditor(scalingApi);
    await userEvent.click(screen.getByRole('button', { name: 'Run what-if' }));

    expect(
      await screen.findByText(
        /No recorded load of the service in region eu-west/,
      ),
    ).toBeInTheDocument();
  });
});
