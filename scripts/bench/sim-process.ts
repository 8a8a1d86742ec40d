// The simulator in a process of its own for the browser figures: the pages being timed must not
// wait for a Node event loop that is also busy driving both browsers over the DevTools protocol.
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:https';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface SimProcess {
  port: number;
  /** GET /admin/<name> as JSON. */
  admin<T>(name: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startSimulatorProcess(): Promise<SimProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'test/strava-sim/cli.ts', '--port', '0'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const origin = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const m = /Strava simulator on (https:\/\/\S+)/.exec(out);
      if (m) done(m[1]!);
    });
    child.once('exit', (code) =>
      fail(new Error(`the simulator exited (${code}) before it started`)),
    );
  });
  const admin = <T>(name: string) =>
    new Promise<T>((done, fail) => {
      // The simulator's certificate is its own: this one request trusts it.
      const req = request(`${origin}/admin/${name}`, { rejectUnauthorized: false }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c;
        });
        res.on('end', () => done(JSON.parse(body) as T));
      });
      req.on('error', fail);
      req.end();
    });
  return {
    port: Number(new URL(origin).port),
    admin,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
