/** The number a number field holds; NaN when it is empty, so validation says so. */
export function readNumberField(text: string): number {
  return text.trim() === '' ? NaN : Number(text);
}

/** What a number field shows for a value: nothing for NaN or undefined. */
export function showNumberField(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '' : String(value);
}

/** The number an optional number field holds; undefined when it is empty. */
export function readOptionalNumberField(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}
