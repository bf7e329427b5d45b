import { describe, expect, it } from 'vitest';
import { hideServerPaths } from './hide-server-paths';

const WORK = { dir: '/srv/planning-hub', shownAs: '' };
const ARTIFACTS = { dir: '/mnt/artifacts', shownAs: 'ARTIFACT_DIR' };

describe('hideServerPaths', () => {
  it('shows paths under the work folder relative to it, as the runbook names them', () => {
    const message = "ENOTDIR: not a directory, mkdir '/srv/planning-hub/tmp/input_set_diffs/a@draft__a'";
    expect(hideServerPaths(message, [WORK])).toBe(
      "ENOTDIR: not a directory, mkdir 'tmp/input_set_diffs/a@draft__a'",
    );
  });

  it('names ARTIFACT_DIR instead of its folder', () => {
    const message =
      "Could not write planning_input_set.json: ENOSPC: no space left on device, write '/mnt/artifacts/runs/1/x.tmp'";
    expect(hideServerPaths(message, [WORK, ARTIFACTS])).toBe(
      "Could not write planning_input_set.json: ENOSPC: no space left on device, write 'ARTIFACT_DIR/runs/1/x.tmp'",
    );
  });

  it('cuts any other absolute path to its last segment', () => {
    expect(hideServerPaths("EACCES: permission denied, open '/etc/secret/thing.json'", [WORK])).toBe(
      "EACCES: permission denied, open '…/thing.json'",
    );
    expect(hideServerPaths('failed at C:\\data\\ph\\file.csv today', [])).toBe('failed at …/file.csv today');
  });

  it('leaves messages without paths, relative paths and URLs alone', () => {
    for (const text of [
      'The diff failed: canceling statement due to statement timeout',
      'see tmp/reports/x.json',
      'a/b is not a label',
      'https://example.com/a/b',
    ]) {
      expect(hideServerPaths(text, [WORK, ARTIFACTS])).toBe(text);
    }
  });
});
