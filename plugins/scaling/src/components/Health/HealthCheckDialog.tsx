import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  EntityHealthChecks,
  HealthCheck,
  HealthLink,
} from '@meschain/backstage-plugin-scaling-common';
import { useHealthChecks } from '../../hooks';
import { DataAge } from '../DataAge';
import { describeHealthFigures } from './describeHealthFigures';
import { HealthCheckStatus } from './HealthCheckStatus';

/** The checks under the region they ran in; checks of the whole service first. */
function byRegion(checks: HealthCheck[]): Array<[string, HealthCheck[]]> {
  const groups = new Map<string, HealthCheck[]>();
  for (const check of checks) {
    const key = check.region ?? '';
    groups.set(key, [...(groups.get(key) ?? []), check]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function CheckList(props: { checks: HealthCheck[] }) {
  return (
    <List dense disablePadding>
      {props.checks.map(check => (
        <ListItem
          key={`${check.region ?? ''}/${check.id}`}
          data-check-id={check.id}
          divider
        >
          <ListItemText
            style={{ whiteSpace: 'normal' }}
            primary={
              <>
                <HealthCheckStatus status={check.status} />
                {' — '}
                <strong>{check.title}</strong>
                {`: ${check.summary}`}
              </>
            }
            secondary={
              <>
                {describeHealthFigures(check.figures)}
                <br />
                {`Checked at ${new Date(check.checkedAt).toLocaleTimeString()}`}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}

function HealthLinks(props: { links: HealthLink[] }) {
  if (props.links.length === 0) {
    return (
      <Typography variant="body2">
        The catalog entry links no dashboards, traces or logs.
      </Typography>
    );
  }
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
      {props.links.map(link => (
        <Link key={link.url} to={link.url} externalLinkIcon>
          {link.title}
        </Link>
      ))}
    </Box>
  );
}

function HealthCheckResults(props: {
  result: EntityHealthChecks;
  grouped: boolean;
}) {
  const { result, grouped } = props;
  return (
    <>
      {grouped ? (
        byRegion(result.checks).map(([region, checks]) => (
          <section key={region} aria-label={region || 'Whole service'}>
            <Typography variant="h6" component="h3">
              {region || 'Whole service'}
            </Typography>
            <CheckList checks={checks} />
          </section>
        ))
      ) : (
        <CheckList checks={result.checks} />
      )}
      <Box mt={2}>
        <Typography variant="h6" component="h3">
          Dashboards, traces and logs
        </Typography>
        <HealthLinks links={result.links} />
      </Box>
    </>
  );
}

/**
 * Every health check of the service, or of the service in one region, with
 * its outcome, figures and time, and links to its dashboards, traces and
 * logs. Whole-service checks are grouped by region.
 */
export function HealthCheckDialog(props: {
  serviceName: string;
  /** Only this region's checks; all regions' when unset. */
  region?: string;
  onClose: () => void;
}) {
  const { serviceName, region, onClose } = props;
  const checks = useHealthChecks(region);
  const title = region
    ? `Health check of ${serviceName} in ${region}`
    : `Health check of ${serviceName}`;
  let body;
  if (checks.error) {
    body = <ResponseErrorPanel error={checks.error} />;
  } else if (!checks.value) {
    body = <Progress />;
  } else {
    body = <HealthCheckResults result={checks.value} grouped={!region} />;
  }
  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="scaling-health-check-title"
      fullWidth
      maxWidth="md"
    >
      <DialogTitle id="scaling-health-check-title">{title}</DialogTitle>
      <DialogContent>{body}</DialogContent>
      <DialogActions>
        <DataAge readAt={checks.loading ? undefined : checks.readAt} />
        <Button onClick={checks.retry} disabled={checks.loading}>
          Check again
        </Button>
        <Button onClick={onClose} color="primary">
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
