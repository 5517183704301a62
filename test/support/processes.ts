import net from 'node:net';

/** Helpers for tests that spawn the real server and other processes, on loopback. */

/** Holds a loopback port the way another program would. */
export function holdPort(): Promise<net.Server & { port: number }> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => resolve(Object.assign(server, { port: (server.address() as net.AddressInfo).port })));
  });
}

/** A loopback port nothing listens on (at the moment it is returned). */
export async function freePort(): Promise<number> {
  const server = await holdPort();
  return new Promise((resolve) => server.close(() => resolve(server.port)));
}

export function portIsBound(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
