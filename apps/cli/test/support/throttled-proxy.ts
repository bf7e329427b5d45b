/**
 * A TCP proxy in front of a test server that carries the client's bytes at a set rate,
 * like a slow line: an upload then takes long enough for a test to act in its middle.
 * When either side goes away, the other connection is cut too, as a real line drops.
 */
import net, { type AddressInfo } from 'node:net';
import { Transform } from 'node:stream';

export type TThrottledProxy = {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Bytes the newest client connection has had carried to the server so far (after it closes: in all). */
  forwardedBytes: () => number;
  /** Drops the newest client connection now, both ways, with what it still holds: a line cut. */
  cut: () => void;
  close: () => Promise<void>;
};

const SLICE_BYTES = 16 * 1024;

function throttle(bytesPerSecond: number, onForward: (bytes: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const slices: Buffer[] = [];
      for (let i = 0; i < chunk.length; i += SLICE_BYTES) slices.push(chunk.subarray(i, i + SLICE_BYTES));
      const pushNext = () => {
        const slice = slices.shift();
        if (!slice) return done();
        this.push(slice);
        onForward(slice.length);
        setTimeout(pushNext, (slice.length / bytesPerSecond) * 1000);
      };
      pushNext();
    },
  });
}

export async function startThrottledProxy(target: string, bytesPerSecond: number): Promise<TThrottledProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  let forwarded = 0;
  let newest: net.Socket[] = [];
  const proxy = net.createServer((client) => {
    forwarded = 0;
    const upstream = net.connect(Number(port), hostname);
    newest = [client, upstream];
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(throttle(bytesPerSecond, (n) => (forwarded += n))).pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    forwardedBytes: () => forwarded,
    cut: () => {
      for (const socket of newest) socket.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
