// Preloaded into every measured child process (node --import): on exit, writes its peak memory and CPU time for the bench.
import { readFileSync, writeFileSync } from 'node:fs';

/** The kernel's own high-water mark of resident memory, where /proc exists (Linux). */
function residentHighWaterKb(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

const target = process.env.BENCH_PEAK_FILE;
if (target !== undefined && target !== '') {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuMicroseconds = usage.userCPUTime + usage.systemCPUTime;
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, vmHwmKb: residentHighWaterKb(), cpuMicroseconds }));
  });
}
