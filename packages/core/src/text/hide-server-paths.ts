export type TPathRoot = {
  /** An absolute folder of the server, e.g. the work folder or ARTIFACT_DIR. */
  dir: string;
  /** What viewers see instead: `''` for paths relative to it, or a name such as `ARTIFACT_DIR`. */
  shownAs: string;
};

/** An absolute POSIX or Windows path, up to a quote, a space or punctuation that ends it. */
const ABSOLUTE_PATH = /(?<![\w.~:/-])(?:[A-Za-z]:[\\/]|\/)(?:[^\s'"`,;()<>]+[\\/])*([^\s'"`,;()<>\\/]+)/g;

/**
 * A message for viewers without the server's folders: where it names a path under one of
 * `roots`, that part becomes the root's name (`tmp/input_set_diffs/x` relative to the work
 * folder, `ARTIFACT_DIR/runs/...`); any other absolute path is cut to `…/<last segment>`.
 * The full message belongs in the server log.
 */
export function hideServerPaths(message: string, roots: readonly TPathRoot[]): string {
  let shown = message;
  // Longest first: a root inside another root wins.
  for (const { dir, shownAs } of [...roots].sort((a, b) => b.dir.length - a.dir.length)) {
    const base = dir.replace(/[\\/]+$/, '');
    if (base.length === 0) continue;
    shown = shown.split(`${base}/`).join(shownAs ? `${shownAs}/` : '');
    shown = shown.split(base).join(shownAs || '.');
  }
  return shown.replace(ABSOLUTE_PATH, (_whole, last: string) => `…/${last}`);
}
