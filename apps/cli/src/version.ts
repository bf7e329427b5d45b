declare const __PLANNING_CLI_VERSION__: string | undefined;

/** apps/cli/package.json's version, written into the bundle by scripts/build-cli.mjs; `0.0.0-dev` from source. */
export const CLI_VERSION: string =
  typeof __PLANNING_CLI_VERSION__ === 'string' ? __PLANNING_CLI_VERSION__ : '0.0.0-dev';
