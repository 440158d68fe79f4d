/**
 * The ns-3 peer of the kernel benchmark (issue 19): the same hold loop on ns-3's PriorityQueue
 * scheduler needs Debian's libns3-dev (3.37 in bookworm) and g++. Never part of `npm test` or CI.
 * Not built yet: this only finds whether the headers are installed and says how to install them.
 */
import { existsSync, readdirSync } from 'node:fs';

export const NS3_INSTALL = 'sudo apt-get install -y libns3-dev g++';

/** The ns-3 include folder (/usr/include/ns3.<version>), or undefined when libns3-dev is not installed. */
export function ns3IncludeDir(root = '/usr/include'): string | undefined {
  if (!existsSync(root)) return undefined;
  const dir = readdirSync(root).find((n) => /^ns3\.\d+/.test(n));
  return dir === undefined ? undefined : `${root}/${dir}`;
}

/** One line for the bench log: what the ns-3 row needs here. */
export function ns3Line(): string {
  const dir = ns3IncludeDir();
  return dir === undefined
    ? `ns-3 peer: libns3-dev is not installed; to compare against ns-3's PriorityQueue scheduler: ${NS3_INSTALL} (the peer itself is not written yet)`
    : `ns-3 peer: headers found in ${dir}, but the peer is not written yet (issue 19): no ns-3 row`;
}
