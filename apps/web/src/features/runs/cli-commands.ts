/**
 * The runbook's commands as a web page shows them. The server writes them for a
 * checkout (`pnpm planning ...`); someone reading the page runs the installed CLI,
 * `planning ...`, the same on Linux, macOS and Windows.
 */
export function webCommand(command: string): string {
  return command.replace(/^pnpm\s+planning(?=\s|$)/, 'planning');
}

export type THashCommand = { platform: string; command: string };

/**
 * How to print a file's sha256 on each system (docs/runbook.ja.md section 5: check the hash of
 * planning_input_set.json before escalating): coreutils, macOS and PowerShell.
 */
export function hashCheckCommands(file: string): THashCommand[] {
  return [
    { platform: 'Linux', command: `sha256sum ${file}` },
    { platform: 'macOS', command: `shasum -a 256 ${file}` },
    { platform: 'Windows (PowerShell)', command: `Get-FileHash ${file} -Algorithm SHA256` },
  ];
}
