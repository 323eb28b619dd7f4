/** The stored text of a document and its fingerprint: WebCrypto, so it runs in workerd and in Node alike. */
export async function digestText(text: string): Promise<{ sha256: string; bytes: number }> {
  const data = new TextEncoder().encode(text);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return { sha256: [...hash].map((b) => b.toString(16).padStart(2, '0')).join(''), bytes: data.length };
}
