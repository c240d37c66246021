import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ReportsApi, reportsApiRef } from '../../api';
import { ReportsPage } from './ReportsPage';

function fakeReportsApi(): jest.Mocked<ReportsApi> {
  return {
    listReports: jest.fn().mockResolvedValue([]),
    createReport: jest.fn(),
    downloadReport: jest.fn(),
  };
}

describe('ReportsPage', () => {
  it('shows the team the address names above the organisation, as the weekly notification links to it', async () => {
    const reportsApi = fakeReportsApi();
    await renderInTestApp(
      <TestApiProvider apis={[[reportsApiRef, reportsApi]]}>
        <ReportsPage />
      </TestApiProvider>,
      {
        routeEntries: [
          '/scaling/reports?team=group:default/platform-team&report=r-1',
        ],
      },
    );

    const subheaders = await screen.findAllByText(
      /^Scaling, deployments and cost of /,
    );
    expect(subheaders.map(s => s.textContent)).toEqual([
      'Scaling, deployments and cost of platform-team',
      'Scaling, deployments and cost of the whole organisation',
    ]);
    expect(reportsApi.listReports).toHaveBeenCalledWith({
      team: 'group:default/platform-team',
    });
    expect(reportsApi.listReports).toHaveBeenCalledWith({ scope: 'org' });
  });

  it('shows only the organisation’s reports without a team', async () => {
    const reportsApi = fakeReportsApi();
    await renderInTestApp(
      <TestApiProvider apis={[[reportsApiRef, reportsApi]]}>
        <ReportsPage />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(
        'Scaling, deployments and cost of the whole organisation',
      ),
    ).toBeInTheDocument();
    expect(reportsApi.listReports).toHaveBeenCalledTimes(1);
  });
});
