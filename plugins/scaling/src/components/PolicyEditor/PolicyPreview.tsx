import { CodeSnippet } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { PolicyApplyResult } from '@meschain/backstage-plugin-scaling-common';
import { dump } from 'js-yaml';
import { HpaDiffTable } from './HpaDiffTable';
import { RegionOutcome } from './RegionOutcome';

/** A dry run's result per region: the HPA the server rendered, as YAML, and its diff. */
export function PolicyPreview({ result }: { result: PolicyApplyResult }) {
  return (
    <section aria-label="Preview">
      <Typography variant="h6" component="h3">
        Preview (dry run: nothing was changed)
      </Typography>
      {result.results.map(regionResult => (
        <Box
          key={regionResult.region}
          my={2}
          component="section"
          aria-label={`Preview for ${regionResult.region}`}
        >
          <RegionOutcome result={regionResult} dryRun />
          {regionResult.hpa && (
            <>
              <HpaDiffTable
                diff={regionResult.diff ?? []}
                region={regionResult.region}
              />
              {/* The whole dialog's width, long lines wrapped rather than cut. */}
              <CodeSnippet
                language="yaml"
                text={dump(regionResult.hpa, { noRefs: true })}
                wrapLongLines
                showCopyCodeButton
              />
            </>
          )}
        </Box>
      ))}
    </section>
  );
}
