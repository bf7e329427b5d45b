/**
 * The upload's progress on stderr, when stderr is a terminal: bytes sent of the total,
 * then "validating and storing…" while the server works. Nothing when stderr is a file
 * or a pipe, so logs and --json output stay clean.
 */
export type TUploadProgress = {
  onBytes: (sent: number) => void;
  /** The response has come: removes the line. */
  finish: () => void;
};

const REDRAW_MS = 100;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

export function createUploadProgress(stream: NodeJS.WriteStream, total: number): TUploadProgress {
  if (!stream.isTTY) return { onBytes: () => {}, finish: () => {} };
  let lastDraw = 0;
  let isDone = false;
  const draw = (text: string) => stream.write(`\r${text}\x1b[K`);
  return {
    onBytes: (sent) => {
      if (isDone) return;
      if (sent >= total) {
        isDone = true;
        draw(`uploaded ${formatBytes(total)}; validating and storing…`);
        return;
      }
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      const percent = total > 0 ? Math.floor((sent / total) * 100) : 100;
      draw(`uploading ${formatBytes(sent)} / ${formatBytes(total)} (${percent}%)`);
    },
    finish: () => draw(''),
  };
}
