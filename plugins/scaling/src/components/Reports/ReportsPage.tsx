import { Content } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { useSearchParams } from 'react-router-dom';
import { ReportsCard } from './ReportsCard';

/**
 * @public
 * The reports page (`/scaling/reports`): the organisation's reports, and a
 * team's when the address names it (`?team=group:default/platform-team`),
 * as the weekly notification's link does.
 */
export function ReportsPage() {
  const [params] = useSearchParams();
  const team = params.get('team') ?? undefined;
  return (
    <Content>
      <Grid container spacing={3}>
        {team && (
          <Grid item xs={12}>
            <ReportsCard team={team} />
          </Grid>
        )}
        <Grid item xs={12}>
          <ReportsCard />
        </Grid>
      </Grid>
    </Content>
  );
}
