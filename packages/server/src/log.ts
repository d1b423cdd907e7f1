import type { LogLevel } from './config.js';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** Whether messages of this level are written (skip building them otherwise). */
  enabled(level: LogLevel): boolean;
}

/**
 * Lines for stdout, written together once per turn of the event loop: with a log line per
 * request, a write per line is a system call per request (stdout to a pipe or file is written
 * synchronously). Lines keep their order; whatever is pending is written on exit.
 */
export function batchedWriter(out: (chunk: string) => void): { write(line: string): void; flush(): void } {
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!pending) return;
    const chunk = pending;
    pending = '';
    out(chunk);
  };
  return {
    write(line) {
      pending += line;
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

let stdout: ReturnType<typeof batchedWriter> | undefined;
const toStdout = (line: string) => {
  if (!stdout) {
    stdout = batchedWriter((chunk) => process.stdout.write(chunk));
    process.on('exit', stdout.flush);
  }
  stdout.write(line);
};

/** Structured logs: one JSON object per line on stdout. */
export function createLogger(level: LogLevel, write: (line: string) => void = toStdout): Logger {
  const min = ORDER[level] ?? 20;
  const emit = (lvl: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < min) return;
    write(`${JSON.stringify({ level: lvl, time: new Date().toISOString(), msg, ...fields })}\n`);
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    enabled: (lvl) => ORDER[lvl] >= min,
  };
}
