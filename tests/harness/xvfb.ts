/**
 * A virtual display of our own for headed Chromium (chrome.idle only reports `idle` in a headed browser;
 * docs/architecture.md), and a way to "touch" it. Playwright's clicks and keys go through the DevTools protocol, not the
 * X server, so they never end the system's idle time; `touch()` does, with the X11 request ForceScreenSaver
 * (Reset) — the server then counts the last input as now, exactly as a moved mouse would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';

export interface Display {
  /** `:N`, for DISPLAY. */
  readonly name: string;
  /** Make the X server count "now" as the last user input. */
  touch(): Promise<void>;
  close(): Promise<void>;
}

/** Starts `Xvfb` on a free display number (it picks one and tells us through `-displayfd`). */
export async function startXvfb(timeoutMs = 10_000): Promise<Display> {
  const xvfb: ChildProcess = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  xvfb.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const number = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${stderr}`)), timeoutMs);
    xvfb.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb could not run (Debian package xvfb): ${e.message}`));
    });
    xvfb.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${stderr}`));
    });
    (xvfb.stdio[3] as NodeJS.ReadableStream).once('data', (d: Buffer) => {
      clearTimeout(timer);
      resolve(d.toString().trim());
    });
  });
  xvfb.removeAllListeners('exit');
  const killOnExit = () => xvfb.kill('SIGKILL');
  process.once('exit', killOnExit); // a crashed test run leaves no X server behind
  return {
    name: `:${number}`,
    touch: () => resetScreenSaver(number),
    close: () =>
      new Promise<void>((resolve) => {
        process.off('exit', killOnExit);
        if (xvfb.exitCode !== null) return resolve();
        xvfb.once('exit', () => resolve());
        xvfb.kill('SIGTERM');
      }),
  };
}

/** One X11 connection (no authorisation: our own Xvfb): ForceScreenSaver(Reset), then a round trip. */
function resetScreenSaver(displayNumber: string, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const sock = createConnection(`/tmp/.X11-unix/X${displayNumber}`);
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error('X server did not answer'));
    }, timeoutMs);
    const done = (e?: Error) => {
      clearTimeout(timer);
      sock.destroy();
      if (e) reject(e);
      else resolve();
    };
    let buf = Buffer.alloc(0);
    let setUp = false;
    sock.on('error', done);
    sock.on('connect', () => {
      // Connection setup: little-endian, protocol 11.0, no authorisation.
      const setup = Buffer.alloc(12);
      setup.write('l', 0);
      setup.writeUInt16LE(11, 2);
      sock.write(setup);
    });
    sock.on('data', (d: Buffer) => {
      if (setUp) return done(); // the GetInputFocus reply: the reset before it has been processed
      buf = Buffer.concat([buf, d]);
      if (buf.length < 8) return;
      if (buf[0] !== 1) return done(new Error('X server refused the connection'));
      if (buf.length < 8 + buf.readUInt16LE(6) * 4) return;
      setUp = true;
      // ForceScreenSaver (opcode 115), mode Reset (0), length 1 word; GetInputFocus (43), length 1 word.
      sock.write(Buffer.from([115, 0, 1, 0, 43, 0, 1, 0]));
    });
  });
}
