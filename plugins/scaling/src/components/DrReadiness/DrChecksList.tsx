import {
  Button,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { ServiceDrReadiness } from '@meschain/backstage-plugin-scaling-common';
import { useState } from 'react';
import { DrVerdictStatus } from './DrVerdictStatus';
import { describeFigures } from './describeFigures';

/**
 * Each DR check of one service: its verdict, what it found, and the numbers
 * behind it. With `failingOnly`, the list starts with the checks that do not
 * pass and says how many pass, and the user may expand it to every check.
 */
export function DrChecksList(props: {
  readiness: ServiceDrReadiness;
  failingOnly?: boolean;
}) {
  const { readiness, failingOnly } = props;
  const [expanded, setExpanded] = useState(false);
  const name = readiness.entityRef ?? readiness.kubernetesId;
  const passing = readiness.checks.filter(check => check.verdict === 'pass');
  const collapsed = failingOnly && !expanded;
  const shown = collapsed
    ? readiness.checks.filter(check => check.verdict !== 'pass')
    : readiness.checks;
  return (
    <section
      aria-label={`DR readiness of ${name} in ${readiness.primaryRegion}`}
    >
      <Typography variant="subtitle2" component="div">
        <DrVerdictStatus verdict={readiness.verdict}>
          {`${name}: ${readiness.primaryRegion} → ${
            readiness.partnerRegion ?? 'no DR partner'
          }, ${readiness.verdict}`}
        </DrVerdictStatus>
      </Typography>
      <List dense disablePadding>
        {shown.map(check => (
          <ListItem key={check.id} data-check-id={check.id}>
            <ListItemText
              // Backstage cuts a dense list's lines off with an ellipsis; these wrap.
              style={{ whiteSpace: 'normal' }}
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
      {failingOnly && passing.length > 0 && (
        <Button size="small" onClick={() => setExpanded(was => !was)}>
          {expanded
            ? 'Show only what fails'
            : `Show all ${readiness.checks.length} checks (${passing.length} pass)`}
        </Button>
      )}
    </section>
  );
}

/** The checks that do not pass, of each service and primary region given. */
export function FailingDrChecks(props: { readinesses: ServiceDrReadiness[] }) {
  return (
    <>
      {props.readinesses.map(readiness => (
        <DrChecksList
          key={`${readiness.kubernetesId}-${readiness.primaryRegion}`}
          readiness={readiness}
          failingOnly
        />
      ))}
    </>
  );
}
