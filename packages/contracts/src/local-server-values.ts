/**
 * `<data dir>/server.json` (default `.data/server.json`, mode 0600): written by a
 * starting server, read by the `planning` CLI of the same checkout to find it and
 * to authenticate as the local operator without a login (docs/design.md). Its name is
 * plain data here, without zod: every `planning` command that talks to a server looks for
 * it, and one that finds none needs no zod (docs/performance.md, CLI start-up);
 * `local-server.ts` holds its schema.
 */
export const LOCAL_SERVER_FILE = 'server.json';
