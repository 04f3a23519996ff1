import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cmdline,
  eventually,
  freeStackPorts,
  listening,
  processTree,
  repoRoot,
  running,
  type Started,
  startJob,
  tempDataDir,
  userEnv,
} from "./support";

describe("npm start stops everything it started", () => {
  const data = tempDataDir("port443-stop-");
  let ports: Awaited<ReturnType<typeof freeStackPorts>>;
  const env = () => userEnv({ ...ports, PORT443_DATA_DIR: data.dir });
  // As a user runs it, through npm (a wrapper whose child is the devstack), built by the test run.
  const start = () =>
    startJob("npm", ["run", "--silent", "devstack", "--", "start", "--no-build"], {
      cwd: repoRoot,
      env: env(),
    });

  beforeAll(async () => {
    ports = await freeStackPorts();
  });
  afterAll(() => data.remove());

  async function started(): Promise<Started> {
    const stack = start();
    await stack.waitFor("press Ctrl-C to stop", 150_000);
    const healthy = await eventually(
      async () =>
        (await fetch(`http://127.0.0.1:${ports.PORT}/api/health`).catch(() => undefined))?.status === 200,
      60_000,
    );
    expect(healthy, stack.output()).toBe(true);
    return stack;
  }

  /** Waits up to 15 s for every process of the tree and every port of the stack to be gone. */
  async function expectNothingLeft(tree: number[], stack: Started) {
    const portsInUse = async () => {
      const open = await Promise.all(Object.values(ports).map((port) => listening(Number(port))));
      return Object.keys(ports).filter((_, index) => open[index]);
    };
    const gone = await eventually(
      async () => tree.every((pid) => !running(pid)) && (await portsInUse()).length === 0,
      15_000,
    );
    const left = tree.filter(running).map((pid) => `${pid} ${cmdline(pid)}`);
    expect({ processes: left, ports: await portsInUse() }, stack.output()).toEqual({
      processes: [],
      ports: [],
    });
    expect(gone).toBe(true);
  }

  it("SIGTERM to its process group leaves no process and no port behind within 15 s", async () => {
    const stack = await started();
    const tree = processTree(stack.child.pid!);
    const commands = tree.map(cmdline).join("\n");
    // What a stack is made of: the servers a SIGTERM used to leave running among them.
    for (const part of [
      "bin/postgres",
      "redis-server",
      "maildev",
      "server.mjs",
      "dist/index.js",
      "reaper.mjs",
    ]) {
      expect(commands).toContain(part);
    }

    // A second start in the same checkout says where the first one runs, in one line.
    const second = start();
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(
      new RegExp(
        `Port443 is already running from this checkout \\(pid \\d+, http://localhost:${ports.PORT}\\)`,
      ),
    );
    expect(second.output()).not.toMatch(/^\s+at /m);

    process.kill(-stack.child.pid!, "SIGTERM");
    await expectNothingLeft(tree, stack);
    expect(stack.output()).toContain("shutting down");
  });

  it("stops the services when the devstack itself is killed (SIGKILL)", async () => {
    const stack = await started();
    const tree = processTree(stack.child.pid!);
    const devstack = tree.find((pid) => cmdline(pid).includes("devstack/src/bin.ts start"));
    expect(devstack, tree.map(cmdline).join("\n")).toBeDefined();
    process.kill(devstack!, "SIGKILL");
    await expectNothingLeft(tree, stack);
  });
});
