import { describe, expect, test } from 'vitest';
import { parameterAxis } from './parameter-axis.js';
import { scenarioJsonSchema } from '../scenario/schema/index.js';

describe('sweep parameter axes from the schema help (golden)', () => {
  const schema = scenarioJsonSchema();
  test.each([
    ['carriers.0.gesture.dwellHeightM', { label: 'Dwell height', unit: 'cm', scale: 100 }],
    ['readers.0.nfc.driveCurrent', { label: 'Drive current', unit: 'A·turns', scale: 1 }],
    ['readers.0.rcc.triggerDistance', { label: 'Trigger distance', unit: 'cm', scale: 100 }],
    ['backend.channels.0.declineProbability', { label: 'Decline probability', unit: '%', scale: 100, domain: [0, 100] }],
    ['carriers.1.share', { label: 'Share', unit: '%', scale: 100, domain: [0, 100] }],
    ['stations.S1.entrances.A.gatelines.L1.gates', { label: 'Gates', unit: '', scale: 1 }],
  ])('%s', (path, expected) => {
    const axis = parameterAxis(path, schema);
    expect({ label: axis.label, unit: axis.unit, scale: axis.scale, ...(axis.domain === undefined ? {} : { domain: axis.domain }) }).toEqual(expected);
  });
  test('the description is the help text\'s first sentence', () => {
    expect(parameterAxis('carriers.0.gesture.dwellHeightM', schema).description).toBe('Closest height reached and held, m.');
  });
});
