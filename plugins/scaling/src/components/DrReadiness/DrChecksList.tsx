import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import { ServiceDrReadiness } from '@meschain/backstage-plugin-scaling-common';
import { DrVerdictStatus } from './DrVerdictStatus';
import { describeFigures } from './describeFigures';

/** Each DR check of one service: its verdict, what it found, and the numbers behind it. */
export function DrChecksList(props: { readiness: ServiceDrReadiness }) {
  const { readiness } = props;
  const name = readiness.entityRef ?? readiness.kubernetesId;
  return (
    <section
      aria-label={`DR readiness of ${name} in ${readiness.primaryRegion}`}
    >
      <Typography variant="subtitle2">
        <DrVerdictStatus verdict={readiness.verdict}>
          {`${name}: ${readiness.primaryRegion} → ${
            readiness.partnerRegion ?? 'no DR partner'
          }, ${readiness.verdict}`}
        </DrVerdictStatus>
      </Typography>
      <List dense disablePadding>
        {readiness.checks.map(check => (
          <ListItem key={check.id} data-check-id={check.id}>
            <ListItemText
              primary={
                <DrVerdictStatus verdict={check.verdict}>
                  {`${check.id}: ${check.summary}`}
                </DrVerdictStatus>
              }
              secondary={describeFigures(check)}
            />
          </ListItem>
        ))}
      </List>
    </section>
  );
}
