import { userInfo } from 'node:os';

/** The CLI's principal: the operating-system user who ran it. */
export function cliPrincipal(): string {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // containers may have no passwd entry for the uid
  }
  return `cli:${name}`;
}
