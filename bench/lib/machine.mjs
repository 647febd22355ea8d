// What the figures were measured on.
import os from "node:os";

export function loadAverage() {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
}

export function machineInfo(command) {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    command,
    cpu: cpus[0]?.model.trim() ?? "unknown CPU",
    cores: cpus.length,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.versions.node,
    loadStart: loadAverage(),
  };
}
