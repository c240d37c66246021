import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { LiveDifferences } from './livePolicies';

const DIRECTIONS: Record<string, string> = {
  scaleUp: 'Scale-up',
  scaleDown: 'Scale-down',
};

const RULE_FIELDS: Record<string, string> = {
  type: 'type',
  value: 'amount',
  periodSeconds: 'period',
};

/** A field of the HPA in words, e.g. "Scale-down stabilisation window"; its path otherwise. */
export function describeHpaField(path: string): string {
  if (path === 'spec.minReplicas') {
    return 'Minimum replicas';
  }
  if (path === 'spec.maxReplicas') {
    return 'Maximum replicas';
  }
  const behavior = /^spec\.behavior\.(scaleUp|scaleDown)\.(.+)$/.exec(path);
  if (behavior) {
    const direction = DIRECTIONS[behavior[1]];
    const rest = behavior[2];
    if (rest === 'stabilizationWindowSeconds') {
      return `${direction} stabilisation window`;
    }
    if (rest === 'selectPolicy') {
      return `${direction} policy selection`;
    }
    const rule = /^policies\[(\d+)\]\.(\w+)$/.exec(rest);
    if (rule && RULE_FIELDS[rule[2]]) {
      return `${direction} rate limit ${Number(rule[1]) + 1}: ${
        RULE_FIELDS[rule[2]]
      }`;
    }
    if (rest.startsWith('policies')) {
      return `${direction} rate limits`;
    }
  }
  const metric = /^spec\.metrics\[(\d+)\]/.exec(path);
  if (metric) {
    return `Metric ${Number(metric[1]) + 1}`;
  }
  if (path.includes('meschain.io/scale-down-below')) {
    return 'Scale down below';
  }
  return path;
}

/** A value of the HPA as the form shows it: seconds with their unit. */
export function describeHpaValue(path: string, value: unknown): string {
  if (value === undefined) {
    return 'not set';
  }
  if (typeof value === 'number' && /Seconds$/.test(path)) {
    return `${value} s`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Says, before anything is previewed, where the selected regions' live HPAs
 * differ from the one the form starts from, which regions have none, and
 * what applying would drop.
 */
export function LiveDifferencesNotice(props: { differences: LiveDifferences }) {
  const { differences } = props;
  const { reference, fields, withoutHpa, unknown, unsupported } = differences;
  return (
    <>
      {fields.length > 0 && reference && (
        <Alert
          severity="warning"
          style={{ marginTop: 16 }}
          aria-label="The selected regions’ HPAs differ"
        >
          <AlertTitle>The selected regions’ HPAs differ</AlertTitle>
          The form starts from the HPA in {reference}. Applying sets every
          selected region to what the form says.
          <Table size="small" aria-label="Where the live HPAs differ">
            <TableHead>
              <TableRow>
                <TableCell>Field</TableCell>
                <TableCell>Live value and regions</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {fields.map(field => (
                <TableRow key={field.path}>
                  <TableCell>
                    {describeHpaField(field.path)}
                    <br />
                    <code>{field.path}</code>
                  </TableCell>
                  <TableCell>
                    {field.values.map(entry => (
                      <div key={entry.regions.join(',')}>
                        {`${describeHpaValue(
                          field.path,
                          entry.value,
                        )} in ${entry.regions.join(', ')}`}
                      </div>
                    ))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Alert>
      )}
      {withoutHpa.length > 0 && (
        <Alert severity="info" style={{ marginTop: 16 }}>
          {`No HPA scales the service in ${withoutHpa.join(
            ', ',
          )} yet: applying creates one from the form.`}
        </Alert>
      )}
      {unknown.map(entry => (
        <Alert key={entry.region} severity="warning" style={{ marginTop: 16 }}>
          {`The live HPA in ${entry.region} is not known: ${entry.reason}.`}
        </Alert>
      ))}
      {unsupported.length > 0 && (
        <Alert severity="warning" style={{ marginTop: 16 }}>
          <AlertTitle>Applying drops what the policy cannot hold</AlertTitle>
          {unsupported.map(({ region, problem }) => (
            <div key={`${region}/${problem.field}`}>
              {`${region}: ${problem.field}: ${problem.message}`}
            </div>
          ))}
        </Alert>
      )}
    </>
  );
}
