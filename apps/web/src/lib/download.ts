/** Saves text as a file the way a link with `download` would (runbook: events.json for the evidence folder). */
export function saveTextFile(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** JSON as the CLI prints it (`--json`): two-space indent and a final newline. */
export function formatJsonLikeCli(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
