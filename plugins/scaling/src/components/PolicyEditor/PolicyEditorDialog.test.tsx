import {
  ALL_REGIONS,
  DEFAULT_SCALING_PRESETS,
  PolicyApplyResult,
  renderHorizontalPodAutoscaler,
  ScalingPolicy,
} from '@meschain/backstage-plugin-scaling-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityRef, scalingOptions } from '../../__testUtils__/fixtures';
import { fakeScalingApi } from '../../__testUtils__/fakeScalingApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { responseError } from '../../__testUtils__/responseError';
import { LiveRegionPolicy } from './livePolicies';
import { PolicyEditorDialog } from './PolicyEditorDialog';

// Typing into many fields takes a few seconds on a busy machine.
jest.setTimeout(30_000);

const cpuPreset = DEFAULT_SCALING_PRESETS.find(
  preset => preset.name === 'cpu',
)!;

const renderedHpa = renderHorizontalPodAutoscaler({
  policy: cpuPreset.policy,
  workload: {
    kind: 'Deployment',
    name: 'order-service',
    namespace: 'meschain-sync',
  },
});

const dryRun: PolicyApplyResult = {
  dryRun: true,
  results: [
    {
      region: 'eu-west',
      cluster: 'meschain-eu-west',
      outcome: 'created',
      hpa: renderedHpa,
      diff: [{ path: 'spec.maxReplicas', after: 20 }],
    },
    {
      region: 'us-east',
      cluster: 'meschain-us-east',
      outcome: 'updated',
      hpa: renderedHpa,
      diff: [{ path: 'spec.minReplicas', before: 1, after: 2 }],
    },
  ],
};

/** logging-service's HPA as it runs in us-east: not one of the presets. */
const usEastLive: ScalingPolicy = {
  minReplicas: 2,
  maxReplicas: 15,
  targets: [{ kind: 'memory', averageUtilization: 80 }],
  behavior: {
    scaleDown: {
      stabilizationWindowSeconds: 600,
      policies: [{ type: 'Percent', value: 40, periodSeconds: 120 }],
    },
  },
};

/** The same in eu-west, but with a shorter window and a higher maximum. */
const euWestLive: ScalingPolicy = {
  ...usEastLive,
  maxReplicas: 20,
  behavior: {
    scaleDown: {
      stabilizationWindowSeconds: 300,
      policies: [{ type: 'Percent', value: 40, periodSeconds: 120 }],
    },
  },
};

const liveHpas: LiveRegionPolicy[] = [
  { region: 'eu-west', live: { policy: euWestLive, unsupported: [] } },
  { region: 'us-east', live: { policy: usEastLive, unsupported: [] } },
  { region: 'ap-southeast' },
];

function renderEditor(
  scalingApi = fakeScalingApi(),
  onChanged: () => void = jest.fn(),
  live: LiveRegionPolicy[] = [],
) {
  return renderWithEntity(
    <PolicyEditorDialog
      open
      options={scalingOptions}
      regions={['eu-west', 'us-east', 'ap-southeast']}
      live={live}
      onClose={jest.fn()}
      onChanged={onChanged}
    />,
    { scalingApi },
  );
}

async function replaceValue(field: HTMLElement, value: string) {
  await userEvent.clear(field);
  if (value) {
    await userEvent.type(field, value);
  }
}

describe('PolicyEditorDialog', () => {
  it('starts from the live HPA of the region ticked, and previews it unchanged', async () => {
    const scalingApi = fakeScalingApi({
      applyPolicy: jest.fn().mockResolvedValue({
        dryRun: true,
        results: [
          {
            region: 'us-east',
            cluster: 'meschain-us-east',
            outcome: 'unchanged',
            hpa: renderedHpa,
            diff: [],
          },
        ],
      }),
    });
    await renderEditor(scalingApi, jest.fn(), liveHpas);

    // Before any region is ticked, the form shows what runs in the first one.
    expect(screen.getByLabelText('Preset')).toHaveValue('live-hpa');
    expect(screen.getByLabelText('Maximum replicas')).toHaveValue(20);

    await userEvent.click(screen.getByLabelText('us-east'));

    expect(screen.getByLabelText('Preset')).toHaveDisplayValue(
      'Live HPA (us-east)',
    );
    expect(screen.getByLabelText('Memory target (%)')).toHaveValue(80);
    expect(screen.getByLabelText('Maximum replicas')).toHaveValue(15);
    expect(
      screen.getByLabelText('Scale down stabilization window (s)'),
    ).toHaveValue(600);
    expect(screen.queryByLabelText('CPU target (%)')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));

    expect(scalingApi.applyPolicy).toHaveBeenCalledWith(entityRef, {
      regions: ['us-east'],
      policy: usEastLive,
      dryRun: true,
    });
    const preview = await screen.findByRole('region', {
      name: 'Preview for us-east',
    });
    expect(preview).toHaveTextContent(
      'The live HPA already matches this policy.',
    );
  });

  it('says which fields of the selected regions’ HPAs differ, and where, before a preview', async () => {
    await renderEditor(fakeScalingApi(), jest.fn(), liveHpas);

    await userEvent.click(screen.getByLabelText('us-east'));
    expect(
      screen.queryByRole('table', { name: 'Where the live HPAs differ' }),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('eu-west'));

    const notice = screen.getByRole('alert', {
      name: 'The selected regions’ HPAs differ',
    });
    // eu-west comes first among the entity's regions: the form starts from it.
    expect(notice).toHaveTextContent('The form starts from the HPA in eu-west');
    expect(screen.getByLabelText('Maximum replicas')).toHaveValue(20);
    const rows = within(
      within(notice).getByRole('table', { name: 'Where the live HPAs differ' }),
    ).getAllByRole('row');
    expect(rows.slice(1).map(row => row.textContent)).toEqual([
      'Maximum replicasspec.maxReplicas20 in eu-west15 in us-east',
      'Scale-down stabilisation windowspec.behavior.scaleDown.stabilizationWindowSeconds300 s in eu-west600 s in us-east',
    ]);

    await userEvent.click(screen.getByLabelText('ap-southeast'));
    expect(
      screen.getByText(
        'No HPA scales the service in ap-southeast yet: applying creates one from the form.',
      ),
    ).toBeInTheDocument();
  });

  it('applies a preset only when it is chosen, and goes back to the live HPA', async () => {
    await renderEditor(fakeScalingApi(), jest.fn(), liveHpas);
    await userEvent.click(screen.getByLabelText('us-east'));

    await userEvent.selectOptions(screen.getByLabelText('Preset'), 'cpu');
    expect(screen.getByLabelText('CPU target (%)')).toHaveValue(70);
    expect(screen.getByLabelText('Maximum replicas')).toHaveValue(20);
    // A region ticked later no longer replaces what the user chose.
    await userEvent.click(screen.getByLabelText('eu-west'));
    expect(screen.getByLabelText('CPU target (%)')).toHaveValue(70);

    await userEvent.selectOptions(
      screen.getByLabelText('Preset'),
      'Live HPA (eu-west)',
    );
    expect(screen.getByLabelText('Memory target (%)')).toHaveValue(80);
    expect(screen.getByLabelText('Maximum replicas')).toHaveValue(20);
  });

  it('starts from a preset when no region runs an HPA, and switches to another', async () => {
    await renderEditor();

    expect(screen.getByLabelText('Preset')).toHaveValue('cpu');
    expect(screen.getByLabelText('CPU target (%)')).toHaveValue(70);
    expect(screen.getByLabelText('Scale down below (%)')).toHaveValue(30);

    await userEvent.selectOptions(screen.getByLabelText('Preset'), 'memory');

    expect(screen.getByLabelText('Memory target (%)')).toHaveValue(80);
    expect(screen.getByLabelText('Maximum replicas')).toHaveValue(15);
  });

  it('says next to the field when the minimum exceeds the maximum', async () => {
    await renderEditor();

    await replaceValue(screen.getByLabelText('Minimum replicas'), '25');

    expect(
      screen.getByLabelText('Minimum replicas'),
    ).toHaveAccessibleDescription(/must be at most maxReplicas \(20\)/);
    expect(screen.getByRole('button', { name: 'Preview' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('puts the server’s own message under each field while it is typed', async () => {
    await renderEditor();

    await replaceValue(screen.getByLabelText('Maximum replicas'), '40');
    await replaceValue(screen.getByLabelText('Scale down below (%)'), '80');

    // The words the backend answers with, from the schema both sides share.
    expect(
      screen.getByLabelText('Maximum replicas'),
    ).toHaveAccessibleDescription(
      'maxReplicas must be at most 30 for critical services; got 40',
    );
    expect(
      screen.getByLabelText('Scale down below (%)'),
    ).toHaveAccessibleDescription(
      'scaleDownBelow must be below the 70 % target; got 80',
    );
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();

    await replaceValue(screen.getByLabelText('Scale down below (%)'), '30');

    expect(
      screen.getByLabelText('Scale down below (%)'),
    ).toHaveAccessibleDescription('Optional');
  });

  it('says next to the field that a 0 % target is not allowed', async () => {
    await renderEditor();

    await replaceValue(screen.getByLabelText('CPU target (%)'), '0');

    expect(screen.getByLabelText('CPU target (%)')).toHaveAccessibleDescription(
      /at least 1/,
    );
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('says what the policy becomes in the HPA', async () => {
    await renderEditor();

    expect(
      screen.getByText(/CPU becomes a Resource metric with a 70 % average/),
    ).toBeInTheDocument();
  });

  it('previews the HPA as YAML and its diff per region with a dry run', async () => {
    const scalingApi = fakeScalingApi({
      applyPolicy: jest.fn().mockResolvedValue(dryRun),
    });
    const onChanged = jest.fn();
    await renderEditor(scalingApi, onChanged);

    await userEvent.click(screen.getByLabelText('All regions'));
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));

    expect(scalingApi.applyPolicy).toHaveBeenCalledWith(entityRef, {
      regions: [ALL_REGIONS],
      policy: cpuPreset.policy,
      dryRun: true,
    });
    const euWest = await screen.findByRole('region', {
      name: 'Preview for eu-west',
    });
    expect(euWest).toHaveTextContent('Would create the HPA');
    // The YAML highlighter loads lazily.
    await waitFor(() =>
      expect(euWest).toHaveTextContent('kind: HorizontalPodAutoscaler'),
    );
    expect(euWest).toHaveTextContent('averageUtilization: 70');
    expect(
      within(euWest).getByRole('table', { name: 'Changes in eu-west' }),
    ).toHaveTextContent('spec.maxReplicas—20');
    const usEast = screen.getByRole('region', { name: 'Preview for us-east' });
    expect(usEast).toHaveTextContent('Would update the HPA');
    expect(
      within(usEast).getByRole('table', { name: 'Changes in us-east' }),
    ).toHaveTextContent('spec.minReplicas12');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('applies to the chosen regions and reports each one', async () => {
    const scalingApi = fakeScalingApi({
      applyPolicy: jest.fn().mockResolvedValue({
        dryRun: false,
        results: [
          {
            region: 'eu-west',
            cluster: 'meschain-eu-west',
            outcome: 'created',
          },
          {
            region: 'us-east',
            cluster: 'meschain-us-east',
            outcome: 'failed',
            error: { name: 'ConflictError', message: 'The HPA changed' },
          },
        ],
      }),
    });
    const onChanged = jest.fn();
    await renderEditor(scalingApi, onChanged);

    await userEvent.click(screen.getByLabelText('eu-west'));
    await userEvent.click(screen.getByLabelText('us-east'));
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));

    expect(scalingApi.applyPolicy).toHaveBeenCalledWith(entityRef, {
      regions: ['eu-west', 'us-east'],
      policy: cpuPreset.policy,
      dryRun: false,
    });
    const results = await screen.findByRole('region', {
      name: 'Apply results',
    });
    expect(results).toHaveTextContent(
      'eu-west (meschain-eu-west): HPA created',
    );
    expect(results).toHaveTextContent(
      'us-east (meschain-us-east): Failed: The HPA changed',
    );
    expect(onChanged).toHaveBeenCalled();
  });

  it('shows the problems the server found next to their fields', async () => {
    const scalingApi = fakeScalingApi({
      applyPolicy: jest.fn().mockRejectedValue(
        await responseError(
          400,
          { name: 'InputError', message: 'The policy is not valid' },
          {
            problems: [
              {
                field: 'maxReplicas',
                message: 'must be at most 12 in eu-west',
              },
            ],
          },
        ),
      ),
    });
    await renderEditor(scalingApi);

    await userEvent.click(screen.getByLabelText('eu-west'));
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));

    await waitFor(() =>
      expect(
        screen.getByLabelText('Maximum replicas'),
      ).toHaveAccessibleDescription('must be at most 12 in eu-west'),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The policy is not valid',
    );
  });

  it('builds a custom policy from targets and behavior', async () => {
    const scalingApi = fakeScalingApi({
      applyPolicy: jest.fn().mockResolvedValue(dryRun),
    });
    await renderEditor(scalingApi);

    await userEvent.click(
      screen.getByRole('button', { name: 'Remove the cpu utilization target' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Add requests per minute' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Add custom metric' }),
    );
    await userEvent.selectOptions(
      screen.getByLabelText('Metric'),
      'db_connections',
    );
    await replaceValue(screen.getByLabelText('Target (connections)'), '40');
    await replaceValue(
      screen.getByLabelText('Scale down stabilization window (s)'),
      '600',
    );
    expect(screen.getByLabelText('Preset')).toHaveValue('');

    await userEvent.click(screen.getByLabelText('us-east'));
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));

    expect(scalingApi.applyPolicy).toHaveBeenCalledWith(entityRef, {
      regions: ['us-east'],
      dryRun: true,
      policy: {
        minReplicas: 2,
        maxReplicas: 20,
        targets: [
          {
            kind: 'requests',
            requestsPerMinutePerReplica: 1000,
            responseTimeLimitMs: 500,
          },
          {
            kind: 'custom',
            metric: 'db_connections',
            source: 'Pods',
            value: 40,
          },
        ],
        behavior: { scaleDown: { stabilizationWindowSeconds: 600 } },
      },
    });
  });

  it('deletes the policy from the chosen regions after confirmation', async () => {
    const scalingApi = fakeScalingApi({
      deletePolicy: jest.fn().mockResolvedValue({
        results: [
          {
            region: 'eu-west',
            cluster: 'meschain-eu-west',
            outcome: 'deleted',
          },
        ],
      }),
    });
    const onChanged = jest.fn();
    await renderEditor(scalingApi, onChanged);

    await userEvent.click(screen.getByLabelText('eu-west'));
    await userEvent.click(
      screen.getByRole('button', { name: 'Delete policy' }),
    );
    expect(scalingApi.deletePolicy).not.toHaveBeenCalled();
    await userEvent.click(
      screen.getByRole('button', { name: 'Confirm delete' }),
    );

    expect(scalingApi.deletePolicy).toHaveBeenCalledWith(entityRef, [
      'eu-west',
    ]);
    expect(await screen.findByText('eu-west: HPA deleted')).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalled();
  });

  it('keeps a preview only while it matches the form', async () => {
    const scalingApi = fakeScalingApi({
      applyPolicy: jest.fn().mockResolvedValue(dryRun),
    });
    await renderEditor(scalingApi);

    await userEvent.click(screen.getByLabelText('All regions'));
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(
      await screen.findByRole('region', { name: 'Preview for eu-west' }),
    ).toBeInTheDocument();

    await replaceValue(screen.getByLabelText('Maximum replicas'), '12');

    expect(
      screen.queryByRole('region', { name: 'Preview for eu-west' }),
    ).not.toBeInTheDocument();
  });
});
