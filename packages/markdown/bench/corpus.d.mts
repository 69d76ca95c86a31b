/** The Markdown body of post `n` of the deterministic benchmark corpus. */
export function postBody(n: number): string;
