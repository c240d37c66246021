/**
 * The PEM text of a kubeconfig-style `…Data` setting such as `caData`: base64
 * of the PEM, as in a kubeconfig, or the PEM given as is.
 */
export function decodePemData(data: string): string {
  return data.includes('-----BEGIN')
    ? data
    : Buffer.from(data, 'base64').toString('utf8');
}
