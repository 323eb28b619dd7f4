import { fstatSync, writeSync } from 'node:fs';

/** The file descriptor the supervisor (main.ts) reads the report from; the stack's noise goes elsewhere. */
const REPORT_FD = 3;

function reportFd(): number {
  try {
    fstatSync(REPORT_FD);
    return REPORT_FD;
  } catch {
    return 1; // run directly (tsx src/run.ts): stdout
  }
}

/** Print one report line where the person running the suite sees it. */
export function reportLine(): (line: string) => void {
  const fd = reportFd();
  return (line) => void writeSync(fd, `${line}\n`);
}
