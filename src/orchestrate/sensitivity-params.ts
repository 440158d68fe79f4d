/**
 * The parameters `tapsim sensitivity` varies: [E] numbers of both bands' tap timelines (and of the
 * gesture), each at a low and a high plausible value. This table is data: a row is a `--set` path
 * (`*` = every item of that list: every reader, every carrier), the two values as a scenario file
 * would write them, and where the range comes from. A path the scenario schema does not know (a
 * parameter renamed or removed) is skipped with its reason, not fatal, so the lead can re-run the
 * table after other changes land and add rows here.
 */
export interface SensitivityParam {
  /** Short id, used in sensitivity.csv and the figure. */
  readonly id: string;
  /** `--set` path; `*` expands to every index of the list it stands in. */
  readonly path: string;
  /** The low and the high value, as YAML text. */
  readonly low: string;
  readonly high: string;
  /** Which band's timeline it belongs to: 13.56MHz, 2.45GHz or both (the gesture). */
  readonly band: '13.56MHz' | '2.45GHz' | 'both';
  /** Where the range comes from (docs/sources.md anchors). */
  readonly why: string;
}

export const SENSITIVITY_PARAMS: readonly SensitivityParam[] = [
  { id: 'nfc.pollingPeriod', path: 'readers.*.pollingPeriod', low: '10 ms', high: '100 ms', band: '13.56MHz', why: 'default 20 ms [E], no value in docs/sources.md; ≥ the 5.1 ms guard (docs/sources.md#f1-2); ×½ to ×5' },
  { id: 'nfc.transactionTimeout', path: 'readers.*.nfc.transactionTimeout', low: '0.5 s', high: '2 s', band: '13.56MHz', why: 'default 1 s [E]; docs/sources.md#f5 (qPBOC ≤ 500–600 ms) to twice the default' },
  { id: 'nfc.noise', path: 'readers.*.nfc.noise', low: '6 mV', high: '24 mV', band: '13.56MHz', why: 'default 12 mV [E], calibrated to a 3.8 cm median phone range (docs/sources.md#f4-2); ±6 dB' },
  { id: 'phone.attenuationDb', path: 'carriers.*.attenuationDb', low: '0', high: '10', band: '13.56MHz', why: 'phones 4 dB [E]; docs/sources.md#f4-2 (0–10 dB)' },
  { id: 'rcc.lfBeaconPeriod', path: 'readers.*.rcc.lfBeaconPeriod', low: '50 ms', high: '200 ms', band: '2.45GHz', why: 'default 100 ms [E], no value in docs/sources.md; ×½ to ×2' },
  { id: 'rcc.triggerDistance', path: 'readers.*.rcc.triggerDistance', low: '3 cm', high: '7 cm', band: '2.45GHz', why: 'default 5 cm [E] (docs/sources.md#f6-4 example; #f11-3b no sourced value); at most the 7 cm abort distance (T1 ≥ T3)' },
  { id: 'rcc.txPowerDbm', path: 'readers.*.rcc.txPowerDbm', low: '-6 dBm', high: '10 dBm', band: '2.45GHz', why: 'default 0 dBm [E]; up to the 10 mW limit of docs/sources.md#f6-3' },
  { id: 'rcc.rxSensitivityDbm', path: 'readers.*.rcc.rxSensitivityDbm', low: '-94 dBm', high: '-78 dBm', band: '2.45GHz', why: 'default −85 dBm [E] (docs/sources.md#f6-3, #f11-3c); ±8 dB, the span of nRF24L01-class receivers across their rates' },
  { id: 'rcc.dataRateBps', path: 'readers.*.rcc.dataRateBps', low: '250000', high: '2000000', band: '2.45GHz', why: 'default 1 Mbit/s [E]; docs/sources.md#f6-3 (250 kbit/s–2 Mbit/s GFSK transceivers)' },
  { id: 'rcc.multiTargetPolicy', path: 'readers.*.rcc.multiTargetPolicy', low: 'refuse-retry', high: 'pick-random', band: '2.45GHz', why: 'default refuse-retry [E]; docs/sources.md#f6-5, #f11-3e (the rule is not published)' },
  { id: 'rcc.bodyLossDb', path: 'carriers.*.bodyLossDb', low: '3', high: '10', band: '2.45GHz', why: 'default 6.5 dB [E]; docs/sources.md#f11-7 (3–10 dB)' },
  { id: 'rcc.lfAttenuationSpreadDb', path: 'carriers.*.lfAttenuationSpreadDb', low: '1', high: '6', band: '2.45GHz', why: 'default σ 3 dB [E] (docs/sources.md#f11-3d); ⅓ to ×2' },
  { id: 'gesture.impatienceS', path: 'carriers.*.gesture.impatienceS', low: '0.8 s', high: '3 s', band: 'both', why: 'default lognormal median 1.5 s [E] (docs/sources.md#f8-4); about its 5 % and 99 % points, held constant' },
  { id: 'gesture.reactionTimeS', path: 'carriers.*.gesture.reactionTimeS', low: '0.13 s', high: '0.3 s', band: 'both', why: 'default lognormal median 0.2 s (docs/sources.md#f8-4); its 5–95 % range, held constant' },
];
