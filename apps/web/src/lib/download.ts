/** Saves a blob as a file the way a link with `download` would. */
function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
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

/** Saves text as a file (runbook: events.json for the evidence folder). */
export function saveTextFile(fileName: string, text: string, type = 'application/json'): void {
  saveBlob(fileName, new Blob([text], { type }));
}

/** Saves bytes as a file: an edited CSV keeps its encoding. */
export function saveBytesFile(fileName: string, bytes: Uint8Array, type: string): void {
  saveBlob(fileName, new Blob([new Uint8Array(bytes)], { type }));
}

/** JSON as the CLI prints it (`--json`): two-space indent and a final newline. */
export function formatJsonLikeCli(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
