const EQUALITY = /^([^\s!=(),]+)\s*==?\s*([^\s!=(),]*)$/;

/**
 * A `key=value` every object the selector matches carries, to look candidates
 * up by; undefined when the selector has no equality requirement (the caller
 * then checks every object). Candidates still go through the full match.
 */
export function selectorIndexKey(labelSelector: string): string | undefined {
  if (labelSelector.includes('(')) return undefined;
  for (const requirement of labelSelector.split(',')) {
    const equality = EQUALITY.exec(requirement.trim());
    if (equality) return `${equality[1]}=${equality[2]}`;
  }
  return undefined;
}
