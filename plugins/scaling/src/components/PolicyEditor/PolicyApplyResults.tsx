import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { PolicyApplyResult } from '@meschain/backstage-plugin-scaling-common';
import { RegionOutcome } from './RegionOutcome';

/** What an apply did in each region. */
export function PolicyApplyResults({ result }: { result: PolicyApplyResult }) {
  return (
    <section aria-label="Apply results">
      <Typography variant="h6" component="h3">
        Applied
      </Typography>
      {result.results.map(regionResult => (
        <Box key={regionResult.region} my={1}>
          <RegionOutcome result={regionResult} dryRun={false} />
        </Box>
      ))}
    </section>
  );
}
