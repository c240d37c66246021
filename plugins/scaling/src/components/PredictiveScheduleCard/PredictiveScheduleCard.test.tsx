import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityRef, otherTeamsEntity } from '../../__testUtils__/fixtures';
import {
  fakePredictiveApi,
  scheduleFixture,
} from '../../__testUtils__/fakePredictiveApi';
import { fakeScalingApi } from '../../__testUtils__/fakeScalingApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { responseError } from '../../__testUtils__/responseError';
import { PredictiveScalingSection } from './PredictiveScalingSection';

jest.setTimeout(20_000);

const OWNER = { allowed: true, loading: false };

describe('PredictiveScalingSection', () => {
  it('shows the forecast against actual and the proposed schedule with its what-if effect', async () => {
    const predictiveApi = fakePredictiveApi();
    await renderWithEntity(
      <PredictiveScalingSection
        regions={['us-east', 'eu-west']}
        access={OWNER}
      />,
      { scalingApi: fakeScalingApi(), predictiveApi },
    );
    expect(
      await screen.findByText(
        /MAPE 3.4 %, load above the forecast in 41 % of 168 hours/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: /CPU in us-east: the past week against its forecast/,
      }),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('schedule-effect')).toHaveTextContent(
      'with the schedule the service would run 0.4 h above its 70 % CPU target instead of 3.1 h, for 960 replica-hours instead of 900',
    );
    const steps = screen.getByRole('table', {
      name: 'Proposed HPA minimums in us-east',
    });
    expect(within(steps).getAllByRole('row')).toHaveLength(4);
    expect(within(steps).getByText('12')).toBeInTheDocument();
    expect(predictiveApi.getSchedule).toHaveBeenCalledWith(
      entityRef,
      'us-east',
    );
  });

  it('reads the region chosen', async () => {
    const predictiveApi = fakePredictiveApi();
    await renderWithEntity(
      <PredictiveScalingSection
        regions={['us-east', 'eu-west']}
        access={OWNER}
      />,
      { scalingApi: fakeScalingApi(), predictiveApi },
    );
    await userEvent.click(await screen.findByLabelText('Forecast region'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'eu-west' }),
    );
    await waitFor(() =>
      expect(predictiveApi.getLoadForecast).toHaveBeenCalledWith(
        entityRef,
        'eu-west',
      ),
    );
    expect(predictiveApi.getSchedule).toHaveBeenCalledWith(
      entityRef,
      'eu-west',
    );
  });

  it('applies the schedule in one click and shows it applied', async () => {
    const predictiveApi = fakePredictiveApi();
    const applied = {
      ...scheduleFixture,
      applied: {
        steps: scheduleFixture.proposed!.steps,
        until: scheduleFixture.proposed!.until,
        baseMinReplicas: 2,
        appliedBy: 'user:default/guest',
        appliedAt: '2026-12-14T05:50:00.000Z',
        currentStep: scheduleFixture.proposed!.steps[0],
      },
    };
    predictiveApi.getSchedule
      .mockResolvedValueOnce(scheduleFixture)
      .mockResolvedValue(applied);
    const onChanged = jest.fn();
    await renderWithEntity(
      <PredictiveScalingSection
        regions={['us-east']}
        access={OWNER}
        onChanged={onChanged}
      />,
      { scalingApi: fakeScalingApi(), predictiveApi },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Apply schedule' }),
    );
    expect(predictiveApi.applySchedule).toHaveBeenCalledWith(
      entityRef,
      'us-east',
    );
    expect(await screen.findByTestId('applied-schedule')).toHaveTextContent(
      'Applied by user:default/guest',
    );
    expect(screen.getByTestId('applied-schedule')).toHaveTextContent(
      'HPA minimum now 4',
    );
    expect(onChanged).toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Remove schedule' }),
    );
    expect(predictiveApi.removeSchedule).toHaveBeenCalledWith(
      entityRef,
      'us-east',
    );
  });

  it('shows why an apply failed', async () => {
    const predictiveApi = fakePredictiveApi({
      applySchedule: jest.fn(async () => {
        throw await responseError(403, {
          name: 'NotAllowedError',
          message:
            'You may not apply a predictive schedule to component:default/order-service',
        });
      }),
    });
    await renderWithEntity(
      <PredictiveScalingSection regions={['us-east']} access={OWNER} />,
      { scalingApi: fakeScalingApi(), predictiveApi },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Apply schedule' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You may not apply a predictive schedule to component:default/order-service',
    );
  });

  it('lets only owners apply, and says why', async () => {
    await renderWithEntity(
      <PredictiveScalingSection
        regions={['us-east']}
        access={{
          allowed: false,
          loading: false,
          reason:
            'Only the owners of this service may scale it (scaling.replicas.update).',
        }}
      />,
      {
        scalingApi: fakeScalingApi(),
        predictiveApi: fakePredictiveApi(),
        entity: otherTeamsEntity,
        permission: AuthorizeResult.DENY,
      },
    );
    expect(
      await screen.findByRole('button', { name: 'Apply schedule' }),
    ).toBeDisabled();
    expect(
      screen.getByText(
        'Only the owners of this service may apply or remove its predictive schedule (scaling.replicas.update).',
      ),
    ).toBeInTheDocument();
  });

  it('says why no schedule can be proposed', async () => {
    const predictiveApi = fakePredictiveApi({
      getSchedule: jest.fn(async () => ({
        region: 'us-east',
        leadTimeSeconds: 0,
        unavailable:
          'No HorizontalPodAutoscaler scales the service in region us-east',
      })),
    });
    await renderWithEntity(
      <PredictiveScalingSection regions={['us-east']} access={OWNER} />,
      { scalingApi: fakeScalingApi(), predictiveApi },
    );
    expect(
      await screen.findByText(
        'No HorizontalPodAutoscaler scales the service in region us-east',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Apply schedule' }),
    ).toBeDisabled();
  });
});
