import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityRef } from '../../__testUtils__/fixtures';
import { fakeHealthApi } from '../../__testUtils__/fakeHealthApi';
import { renderWithHealthApis } from '../../__testUtils__/renderWithHealthApis';
import { EntityHealthContent } from './EntityHealthContent';

describe('the health-check modal', () => {
  it('lists every check of the service by region, with its outcome in words, figures and time, and the service’s links', async () => {
    const healthApi = fakeHealthApi();
    await renderWithHealthApis(<EntityHealthContent />, { healthApi });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Health check of order-service',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Health check of order-service',
    });
    expect(healthApi.getHealthChecks).toHaveBeenCalledWith(entityRef, {
      region: undefined,
    });

    const euWest = await within(dialog).findByRole('region', {
      name: 'eu-west',
    });
    const items = within(euWest).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'Pass — Pods ready: 3 of 3 pods are ready',
    );
    expect(items[0]).toHaveTextContent('ready: 3; desired: 3; workloads: 1');
    expect(items[0]).toHaveTextContent(
      `Checked at ${new Date('2026-12-05T23:00:00Z').toLocaleTimeString()}`,
    );
    expect(items[1]).toHaveTextContent(
      'Warn — HPA conditions: ScalingLimited: the HPA is at its maximum',
    );
    expect(items[1]).toHaveTextContent(
      'order-service-hpa current replicas: 10; order-service-hpa max replicas: 10; order-service-hpa ScalingLimited: TooManyReplicas',
    );
    const usEast = within(dialog).getByRole('region', { name: 'us-east' });
    expect(usEast).toHaveTextContent(
      'Fail — Errors against the SLO: Errors at 2.5 % burn the 99.9 % objective 25× too fast',
    );
    expect(usEast).toHaveTextContent(
      'error ratio: 2.5 %; burn rate: 25; latency p95: 182 ms',
    );
    expect(
      within(dialog).getByRole('region', { name: 'Whole service' }),
    ).toHaveTextContent('order-db connection pool');

    for (const [name, url] of [
      ['Grafana', 'https://grafana.example.com/d/order-service'],
      ['Jaeger', 'https://jaeger.example.com/search?service=order-service'],
      ['Kibana', 'https://kibana.example.com/app/discover#order-service'],
    ]) {
      expect(
        within(dialog).getByRole('link', { name: new RegExp(`^${name}`) }),
      ).toHaveAttribute('href', url);
    }
  });

  it('checks one region from its row, and reads again on request', async () => {
    const healthApi = fakeHealthApi();
    await renderWithHealthApis(<EntityHealthContent />, { healthApi });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Health check of eu-west' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Health check of order-service in eu-west',
    });
    expect(healthApi.getHealthChecks).toHaveBeenLastCalledWith(entityRef, {
      region: 'eu-west',
    });
    await within(dialog).findByText(/Pods ready/);
    // One region's checks are not grouped again under its name.
    expect(within(dialog).queryByRole('region')).not.toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Check again' }),
    );
    expect(healthApi.getHealthChecks).toHaveBeenCalledTimes(2);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
