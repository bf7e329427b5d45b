import { startTestServer, type TTestServer } from '../../../api/test/support/test-server';
import { cliWorkspace, type TCliWorkspace } from './planning';

export type TOperatorServer = {
  server: TTestServer;
  /** `planning` in the server's checkout, where it finds .data/server.json: the local operator (an admin). */
  operator: TCliWorkspace;
  /** Removes the workspace, then stops the server. */
  close: () => Promise<void>;
};

/**
 * The usual start of a CLI test file:
 *
 *   let server: TTestServer;
 *   let operator: TCliWorkspace;
 *   let close: () => Promise<void>;
 *   beforeAll(async () => ({ server, operator, close } = await startServerWithOperator()));
 *   afterAll(() => close?.());
 */
export async function startServerWithOperator(env: Record<string, string> = {}): Promise<TOperatorServer> {
  const server = await startTestServer({ localOperator: true, env });
  let operator: TCliWorkspace;
  try {
    operator = await cliWorkspace({ cwd: server.workDir });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    operator,
    close: async () => {
      await operator.cleanup();
      await server.close();
    },
  };
}
