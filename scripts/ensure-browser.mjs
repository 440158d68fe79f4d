#!/usr/bin/env node
// `npm test` runs this first (the `pretest` script). The report's browser test drives Debian's
// Chromium at /usr/bin/chromium with playwright-core. When it is missing, install it if this user
// can (root, or password-less sudo, on a machine with apt-get); otherwise say exactly what to run.
// TAPSIM_SKIP_BROWSER=1 skips the browser test instead (it then reports itself as skipped).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-dejavu-core'];
const INSTALL = `apt-get update && apt-get install -y ${PACKAGES.join(' ')}`;

if (process.env.TAPSIM_SKIP_BROWSER === '1') {
  console.error('pretest: TAPSIM_SKIP_BROWSER=1, the browser test of the HTML report will be skipped.');
  process.exit(0);
}
if (existsSync(CHROMIUM)) process.exit(0);

const ok = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'ignore', ...opts }).status === 0;
const hasApt = ok('sh', ['-c', 'command -v apt-get']);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = !isRoot && ok('sudo', ['-n', 'true']);

if (hasApt && (isRoot || sudo)) {
  console.error(`pretest: the browser test needs Chromium at ${CHROMIUM}; installing Debian's ${PACKAGES.join(' and ')} (about a minute) …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const prefix = sudo ? ['sudo', '-n', '-E'] : [];
  const run = (args) => {
    const [cmd, ...rest] = [...prefix, ...args];
    return spawnSync(cmd, rest, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  };
  if (run(['apt-get', 'update', '-qq']) && run(['apt-get', 'install', '-y', '-qq', ...PACKAGES]) && existsSync(CHROMIUM)) {
    console.error(`pretest: Chromium installed at ${CHROMIUM}.`);
    process.exit(0);
  }
  console.error(`pretest: installing Chromium failed (see apt-get's message above). Run "${sudo ? 'sudo ' : ''}${INSTALL}" yourself, or "TAPSIM_SKIP_BROWSER=1 npm test" to skip the browser test.`);
  process.exit(1);
}
console.error(
  `pretest: the browser test of the HTML report needs Chromium at ${CHROMIUM}, which is missing, and this user cannot install it.\n` +
    `  On Debian or Ubuntu run:  sudo ${INSTALL}\n` +
    `  or skip that one test:    TAPSIM_SKIP_BROWSER=1 npm test`,
);
process.exit(1);
