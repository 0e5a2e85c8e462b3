#!/usr/bin/env node
// Makes sure the browsers (and tools) the real-browser tests use are installed. Quiet when they are.
//   Chromium: $CHROMIUM_PATH, else /usr/bin/chromium     Firefox: $FIREFOX_PATH, else /usr/bin/firefox-esr
//   Also openssl (the test server's certificate), xvfb-run (headed tests without a display) and xdotool (real
//   key presses and right-clicks in the headed faces tests: the shortcut and the context menu).
// As root on Debian/Ubuntu it installs what is missing with apt-get; otherwise it says how, and exits 1.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const envOrDefault = (name, fallback) => {
  const value = process.env[name];
  if (value && !existsSync(value))
    console.warn(`ensure-browsers: ${name}=${value} does not exist; trying ${fallback}`);
  return value && existsSync(value) ? value : fallback;
};

const needs = [
  {
    what: 'Chromium',
    pkg: 'chromium',
    ok: () => existsSync(envOrDefault('CHROMIUM_PATH', '/usr/bin/chromium')),
  },
  {
    what: 'Firefox ESR',
    pkg: 'firefox-esr',
    ok: () => existsSync(envOrDefault('FIREFOX_PATH', '/usr/bin/firefox-esr')),
  },
  { what: 'openssl', pkg: 'openssl', ok: () => onPath('openssl') },
  { what: 'xvfb-run', pkg: 'xvfb', ok: () => onPath('xvfb-run') },
  { what: 'xdotool', pkg: 'xdotool', ok: () => onPath('xdotool') },
];

const missing = needs.filter((n) => !n.ok());
if (missing.length === 0) process.exit(0);

const list = missing.map((m) => m.pkg).join(' ');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && onPath('apt-get')) {
  console.log(`ensure-browsers: installing ${list} with apt-get (about 90 s)…`);
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', ...missing.map((m) => m.pkg)], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    // reported below
  }
  const still = missing.filter((n) => !n.ok());
  if (still.length === 0) process.exit(0);
  console.error(`ensure-browsers: apt-get could not install ${still.map((m) => m.pkg).join(' ')}.`);
  process.exit(1);
}

console.error(`ensure-browsers: missing ${missing.map((m) => m.what).join(', ')}.

Install them (Debian/Ubuntu, as root):
  apt-get update && apt-get install -y ${list}

or point the tests at browsers you already have:
  export CHROMIUM_PATH=/path/to/chromium     # Chromium or Chrome
  export FIREFOX_PATH=/path/to/firefox       # Firefox (ESR 128 or newer)

Do not use "npx playwright install": the tests use the system browsers.`);
process.exit(1);
