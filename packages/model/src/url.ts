/** Whether a URL needs no base: it has a scheme (`https:`, `mailto:`) or is protocol-relative (`//host/x`). */
export function isAbsoluteUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//');
}
