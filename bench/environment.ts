/** Where the figures were measured: they mean little without it. */
import * as os from 'node:os';

export interface BenchEnvironment {
  date: string;
  node: string;
  platform: string;
  arch: string;
  cpuModel: string;
  cpus: number;
  totalMemoryMb: number;
}

export function benchEnvironment(now = new Date()): BenchEnvironment {
  const cpus = os.cpus();
  return {
    date: now.toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
  };
}
