import { describe, expect, it } from 'vitest';
import { hashCheckCommands, webCommand } from './cli-commands';

describe('webCommand', () => {
  it('shows the installed planning CLI, not the checkout’s pnpm script', () => {
    expect(webCommand('pnpm planning runs create --label weekly_refresh')).toBe(
      'planning runs create --label weekly_refresh',
    );
    expect(webCommand('pnpm planning list --status ready')).toBe('planning list --status ready');
  });

  it('leaves other commands alone', () => {
    expect(webCommand('sha256sum planning_input_set.json')).toBe('sha256sum planning_input_set.json');
    expect(webCommand('pnpm planningx')).toBe('pnpm planningx');
  });
});

describe('hashCheckCommands', () => {
  it('covers Windows beside Linux and macOS', () => {
    expect(hashCheckCommands('planning_input_set.json').map((entry) => entry.command)).toEqual([
      'sha256sum planning_input_set.json',
      'shasum -a 256 planning_input_set.json',
      'Get-FileHash planning_input_set.json -Algorithm SHA256',
    ]);
  });
});
