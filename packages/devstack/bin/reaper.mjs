#!/usr/bin/env node
// The devstack's safety net. It runs in a process group of its own with a pipe from the devstack
// on stdin, on which the devstack announces each service ("+<pgid> <SIGNAL> group|leader": the
// signal that stops it, for its whole process group or only for the group's leader, as
// PostgreSQL's postmaster wants) and its orderly end ("-<pgid>"). When the pipe closes, the
// devstack is gone, however it went (even SIGKILL), and every service still announced is stopped:
// its signal, then SIGKILL to the whole group after a grace.
// Plain JavaScript and Node's standard library only, so it starts in milliseconds without tsx.
const GRACE_MS = 10_000;
const groups = new Map();

const alive = (pgid) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

const signal = (target, name) => {
  try {
    process.kill(target, name);
  } catch {
    // gone already
  }
};

let pending = "";
process.stdin.on("data", (chunk) => {
  const lines = (pending + chunk.toString()).split("\n");
  pending = lines.pop() ?? "";
  for (const line of lines) {
    const match = /^([+-])(\d+)(?: (SIG[A-Z]+) (group|leader))?$/.exec(line.trim());
    if (!match) continue;
    const pgid = Number(match[2]);
    if (match[1] === "-") groups.delete(pgid);
    else groups.set(pgid, { signal: match[3] ?? "SIGTERM", target: match[4] === "leader" ? pgid : -pgid });
  }
});

process.stdin.on("close", () => {
  for (const { signal: name, target } of groups.values()) signal(target, name);
  const deadline = Date.now() + GRACE_MS;
  setInterval(() => {
    const left = [...groups.keys()].filter(alive);
    if (left.length === 0) process.exit(0);
    if (Date.now() > deadline) {
      for (const pgid of left) signal(-pgid, "SIGKILL");
      process.exit(0);
    }
  }, 100);
});

// A group kill aimed at the devstack's terminal group never reaches us (own group), but a stray
// Ctrl-C or SIGTERM sent to us directly must not cut the cleanup short.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => {});
process.on("SIGHUP", () => {});
