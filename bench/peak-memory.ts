// Preloaded into every measured child process (node --import): on exit, writes the process's peak memory for the bench.
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
    writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, vmHwmKb: residentHighWaterKb() }));
  });
}
