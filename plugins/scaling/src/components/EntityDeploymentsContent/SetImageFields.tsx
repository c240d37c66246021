import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { ContainerImage } from '@meschain/backstage-plugin-scaling-common';

/** Why the image cannot be sent: missing, or what the container already runs. */
export function imageChangeProblem(
  containers: ContainerImage[],
  value: ContainerImage,
): string | undefined {
  const image = value.image.trim();
  if (!image) {
    return 'Type the image to run, e.g. registry/name:tag';
  }
  const current = containers.find(
    ({ container }) => container === value.container,
  );
  return current?.image === image
    ? `Container ${value.container} already runs this image`
    : undefined;
}

const useStyles = makeStyles(theme => ({
  // The theme's error red is 3.4:1 on the dialog; its dark shade meets AA.
  problem: { '&&': { color: theme.palette.error.dark } },
}));

/** Picks the container to change and types its new image. */
export function SetImageFields(props: {
  containers: ContainerImage[];
  value: ContainerImage;
  onChange: (value: ContainerImage) => void;
}) {
  const { containers, value, onChange } = props;
  const current = containers.find(
    ({ container }) => container === value.container,
  );
  const classes = useStyles();
  // The image it opens with is the running one: not yet a mistake to flag.
  const untouched = value.image === current?.image;
  const problem = untouched ? undefined : imageChangeProblem(containers, value);
  const problemClass = problem ? { className: classes.problem } : undefined;
  return (
    <>
      {containers.length > 1 && (
        <TextField
          id="scaling-set-image-container"
          select
          label="Container"
          value={value.container}
          onChange={event => {
            const next = containers.find(
              ({ container }) => container === event.target.value,
            );
            if (next) {
              onChange(next);
            }
          }}
          fullWidth
          margin="normal"
        >
          {containers.map(({ container }) => (
            <MenuItem key={container} value={container}>
              {container}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        id="scaling-set-image-image"
        label="New image"
        value={value.image}
        onChange={event => onChange({ ...value, image: event.target.value })}
        error={Boolean(problem)}
        InputLabelProps={problemClass}
        FormHelperTextProps={problemClass}
        helperText={
          problem ??
          `Container ${value.container} runs ${current?.image ?? 'nothing yet'}`
        }
        fullWidth
        margin="normal"
      />
    </>
  );
}
