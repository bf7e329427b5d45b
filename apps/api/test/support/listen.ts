/**
 * Ports on 127.0.0.1 for test servers: an Express app served on a port the system
 * picks, or a free port to hand to a child process (the API, Prometheus).
 */
import { once } from 'node:events';
import net, { type AddressInfo } from 'node:net';
import type express from 'express';

export type TListeningApp = {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** Stops listening and drops open keep-alive connections, so that it resolves at once. */
  close: () => Promise<void>;
};

/** Serves `app` on 127.0.0.1 and a free port. */
export async function listenOnFreePort(app: express.Express): Promise<TListeningApp> {
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    listening.on('error', reject);
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port free on 127.0.0.1 now, for a child process that must be told where to listen. */
export async function findFreePort(): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
