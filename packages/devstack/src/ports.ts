import net from "node:net";

/** Whether something already listens on 127.0.0.1:`port` (we could not bind it ourselves). */
export function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(true));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(false)));
  });
}

/** Fails in one line naming the service, the port and the variable that moves it. */
export async function assertPortFree(port: number, service: string, variable: string): Promise<void> {
  if (await portTaken(port)) {
    throw new Error(
      `${service}: port ${port} is in use by another program; stop it or set ${variable} to a free port`,
    );
  }
}
