import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityRef, otherTeamsEntity } from '../../__testUtils__/fixtures';
import { fakeAlertsApi } from '../../__testUtils__/fakeAlertsApi';
import { renderWithHealthApis } from '../../__testUtils__/renderWithHealthApis';
import { responseError } from '../../__testUtils__/responseError';
import { AlertRulesCard } from './AlertRulesCard';

// Typing into many fields takes a few seconds on a busy machine.
jest.setTimeout(30_000);

const regions = ['eu-west', 'us-east'];

async function replaceValue(field: HTMLElement, value: string) {
  await userEvent.clear(field);
  await userEvent.type(field, value);
}

async function openNewRule() {
  await userEvent.click(
    await screen.findByRole('button', { name: 'New alert rule' }),
  );
  return screen.findByRole('dialog', { name: 'New alert rule' });
}

describe('AlertRulesCard', () => {
  it('lists each rule with its kind, condition in words, severity and region', async () => {
    await renderWithHealthApis(<AlertRulesCard regions={regions} />);

    const table = await screen.findByRole('table', { name: 'Alert rules' });
    expect(
      within(table).getByRole('row', { name: /HighErrorRatio/ }),
    ).toHaveTextContent(
      'HighErrorRatioThresholdErrors above 2.0 % for 5mcriticalAll regions',
    );
    expect(
      within(table).getByRole('row', { name: /LatencyHeadingUp/ }),
    ).toHaveTextContent(
      'LatencyHeadingUpAnomalyLatency p95 heading above 500 ms within 4h (trend of the last 1h) for 10mwarningeu-west',
    );
    expect(
      within(table).getByRole('row', { name: /SlowAndFailing/ }),
    ).toHaveTextContent(
      'SlowAndFailingCompositeErrors over 5m above 1.0 % and Latency p99 above 1,200 msinfoAll regions',
    );
  });

  it('creates a threshold rule with the values typed in their units, sent in the API’s', async () => {
    const alertsApi = fakeAlertsApi();
    await renderWithHealthApis(<AlertRulesCard regions={regions} />, {
      alertsApi,
    });

    const dialog = await openNewRule();
    const form = within(dialog);
    await userEvent.type(form.getByLabelText('Name'), 'SlowCheckout');
    await userEvent.selectOptions(form.getByLabelText('Severity'), 'critical');
    await userEvent.selectOptions(form.getByLabelText('Region'), 'eu-west');
    await replaceValue(form.getByLabelText('For'), '10m');
    await userEvent.selectOptions(form.getByLabelText('Signal'), 'latencyP95');
    await replaceValue(form.getByLabelText('Value (ms)'), '800');
    await userEvent.click(form.getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(alertsApi.createAlertRule).toHaveBeenCalledWith(entityRef, {
        name: 'SlowCheckout',
        severity: 'critical',
        region: 'eu-west',
        for: '10m',
        kind: 'threshold',
        threshold: { signal: 'latencyP95', comparison: 'above', value: 0.8 },
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    // The list is read again after the write.
    await waitFor(() =>
      expect(alertsApi.getAlertRules).toHaveBeenCalledTimes(2),
    );
  });

  it('sends only the chosen kind’s fields: a composite rule’s conditions, a z-score anomaly', async () => {
    const alertsApi = fakeAlertsApi();
    await renderWithHealthApis(<AlertRulesCard regions={regions} />, {
      alertsApi,
    });

    let form = within(await openNewRule());
    await userEvent.type(form.getByLabelText('Name'), 'SlowAndFailing');
    await userEvent.click(form.getByRole('radio', { name: 'Composite' }));
    const second = within(form.getByRole('group', { name: 'Condition 2' }));
    await replaceValue(second.getByLabelText('Value (ms)'), '1200');
    await userEvent.click(form.getByRole('button', { name: 'Add condition' }));
    const third = within(form.getByRole('group', { name: 'Condition 3' }));
    await userEvent.selectOptions(
      third.getByLabelText('Signal'),
      'requestRate',
    );
    await userEvent.selectOptions(third.getByLabelText('Comparison'), 'below');
    await replaceValue(third.getByLabelText('Value (req/s)'), '5');
    await userEvent.click(form.getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(alertsApi.createAlertRule).toHaveBeenCalledWith(entityRef, {
        name: 'SlowAndFailing',
        severity: 'warning',
        for: '5m',
        kind: 'composite',
        conditions: [
          { signal: 'errorRatio', comparison: 'above', value: 0.01 },
          { signal: 'latencyP95', comparison: 'above', value: 1.2 },
          { signal: 'requestRate', comparison: 'below', value: 5 },
        ],
      }),
    );

    form = within(await openNewRule());
    await userEvent.type(form.getByLabelText('Name'), 'TrafficSpike');
    await userEvent.click(form.getByRole('radio', { name: 'Anomaly' }));
    await replaceValue(form.getByLabelText('Standard deviations'), '4');
    await userEvent.click(form.getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(alertsApi.createAlertRule).toHaveBeenLastCalledWith(entityRef, {
        name: 'TrafficSpike',
        severity: 'warning',
        for: '5m',
        kind: 'anomaly',
        anomaly: {
          method: 'zScore',
          signal: 'requestRate',
          comparison: 'above',
          zScore: 4,
        },
      }),
    );
  });

  it('shows the problems it finds on their fields, and sends nothing', async () => {
    const alertsApi = fakeAlertsApi();
    await renderWithHealthApis(<AlertRulesCard regions={regions} />, {
      alertsApi,
    });

    const form = within(await openNewRule());
    await userEvent.type(form.getByLabelText('Name'), '9lives');
    await replaceValue(form.getByLabelText('For'), 'soon');
    await userEvent.click(form.getByRole('button', { name: 'Create' }));

    expect(form.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(form.getByLabelText('Name')).toHaveAccessibleDescription(
      /must start with a letter/,
    );
    expect(form.getByLabelText('For')).toHaveAccessibleDescription(
      /must be a duration such as 5m/,
    );
    expect(alertsApi.createAlertRule).not.toHaveBeenCalled();
  });

  it('shows the server’s 400 problem on its field until the field changes', async () => {
    const alertsApi = fakeAlertsApi({
      createAlertRule: jest.fn().mockRejectedValue(
        await responseError(
          400,
          {
            name: 'InputError',
            message:
              'Invalid alert rule: name HighErrorRatio is already a rule of this service',
          },
          {
            problems: [
              {
                field: 'name',
                message: 'HighErrorRatio is already a rule of this service',
              },
            ],
          },
        ),
      ),
    });
    await renderWithHealthApis(<AlertRulesCard regions={regions} />, {
      alertsApi,
    });

    const form = within(await openNewRule());
    await userEvent.type(form.getByLabelText('Name'), 'HighErrorRatio');
    await userEvent.click(form.getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(form.getByLabelText('Name')).toHaveAccessibleDescription(
        'HighErrorRatio is already a rule of this service',
      ),
    );
    expect(form.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(form.getByRole('alert')).toHaveTextContent(
      'Invalid alert rule: name HighErrorRatio is already a rule of this service',
    );

    await userEvent.type(form.getByLabelText('Name'), '2');
    expect(form.getByLabelText('Name')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
  });

  it('edits a rule from its stored values, and deletes one after asking', async () => {
    const alertsApi = fakeAlertsApi();
    await renderWithHealthApis(<AlertRulesCard regions={regions} />, {
      alertsApi,
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit HighErrorRatio' }),
    );
    const form = within(
      await screen.findByRole('dialog', {
        name: 'Edit alert rule HighErrorRatio',
      }),
    );
    expect(form.getByLabelText('Value (%)')).toHaveValue(2);
    await replaceValue(form.getByLabelText('Value (%)'), '3.5');
    await userEvent.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(alertsApi.updateAlertRule).toHaveBeenCalledWith(
        entityRef,
        'rule-1',
        {
          name: 'HighErrorRatio',
          severity: 'critical',
          for: '5m',
          kind: 'threshold',
          threshold: {
            signal: 'errorRatio',
            comparison: 'above',
            value: 0.035,
          },
        },
      ),
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete LatencyHeadingUp' }),
    );
    const confirm = await screen.findByRole('dialog', {
      name: 'Delete alert rule LatencyHeadingUp?',
    });
    await userEvent.click(
      within(confirm).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() =>
      expect(alertsApi.deleteAlertRule).toHaveBeenCalledWith(
        entityRef,
        'rule-2',
      ),
    );
  });

  it('offers no changes to who does not own the service, and says why', async () => {
    await renderWithHealthApis(<AlertRulesCard regions={regions} />, {
      permission: AuthorizeResult.DENY,
      entity: otherTeamsEntity,
    });

    expect(
      await screen.findByText(
        /Only the owners of this service may change its alert rules/,
      ),
    ).toBeInTheDocument();
    await screen.findByRole('table', { name: 'Alert rules' });
    expect(
      screen.queryByRole('button', { name: 'New alert rule' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Edit/ }),
    ).not.toBeInTheDocument();
  });
});
