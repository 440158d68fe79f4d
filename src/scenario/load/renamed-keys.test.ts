import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, formatIssue } from '../errors.js';
import { loadScenario } from '../load.js';

const WITH_HOLD = `name: mini
duration: 10 min
carriers:
  - { id: card, kind: transit-card, share: 1, gesture: { holdS: 0.5 s } }
readers:
  - { id: r1, bands: [13.56MHz] }
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: 600 }
        gatelines:
          - { id: G, gates: 2, reader: r1 }
`;

describe('renamed keys name their replacement', () => {
  it('gesture.holdS → gesture.impatienceS (closed-loop gesture)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tapsim-renamed-')), 's.yaml');
    writeFileSync(file, WITH_HOLD);
    const error = await loadScenario(file).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    const text = (error as ScenarioError).issues.map(formatIssue).join('\n');
    expect(text).toMatch(/carriers\.0\.gesture\.holdS: gesture\.holdS was replaced by gesture\.impatienceS/);
    expect(text).not.toMatch(/unknown key "holdS"/);
  });
});
