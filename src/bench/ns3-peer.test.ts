import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ns3IncludeDir } from './ns3-peer.js';

describe('ns-3 peer detection', () => {
  it('finds /usr/include/ns3.<version> when libns3-dev is installed, nothing otherwise', () => {
    const root = mkdtempSync(join(tmpdir(), 'tapsim-ns3-'));
    expect(ns3IncludeDir(root)).toBeUndefined();
    expect(ns3IncludeDir(join(root, 'absent'))).toBeUndefined();
    mkdirSync(join(root, 'ns3-not-a-version'));
    expect(ns3IncludeDir(root)).toBeUndefined();
    mkdirSync(join(root, 'ns3.37'));
    expect(ns3IncludeDir(root)).toBe(`${root}/ns3.37`);
  });
});
