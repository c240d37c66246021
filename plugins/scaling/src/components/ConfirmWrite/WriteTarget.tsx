import Typography from '@material-ui/core/Typography';

/** A workload a write goes to, and the cluster it runs in. */
export type WriteTargetRef<K extends string = string> = {
  cluster: string;
  workload: { kind: K; namespace: string; name: string };
};

/** The cluster and workload as a write request names them. */
export function writeTargetOf<K extends string>({
  cluster,
  workload: { kind, namespace, name },
}: WriteTargetRef<K>): WriteTargetRef<K> {
  return { cluster, workload: { kind, namespace, name } };
}

/** The workload a write goes to: its kind, name, namespace and cluster. */
export function WriteTarget(props: { target: WriteTargetRef }) {
  const { cluster, workload } = props.target;
  return (
    <Typography paragraph>
      {workload.kind} <strong>{workload.name}</strong> in {workload.namespace},
      cluster {cluster}
    </Typography>
  );
}
