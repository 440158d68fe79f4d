/**
 * columns.md: every column of every CSV file a folder can hold, with its meaning and unit, and
 * every metric column (summary.csv and friends) by name pattern.
 */

type ColumnDocs = ReadonlyArray<readonly [string, string]>;

const TRANSACTION_DOCS: ColumnDocs = [
  ['replication', 'replication index, 0-based'],
  ['t_s', 'simulated time of the tap attempt, s since scenario start'],
  ['clock', 'clock time of t_s: scenario startTime (00:00 when absent) plus t_s, HH:MM:SS rounded down to the second, "+1 d" from the next midnight on'],
  ['passenger', 'passenger id'],
  ['carrier', 'carrier id (scenario `carriers[].id`)'],
  ['band', '13.56MHz, 2.45GHz or optical'],
  ['reader', 'reader configuration id (scenario `readers[].id`)'],
  ['gate', 'gate id, station/gateline/gate'],
  ['height_cm', 'dwell height of the carrier above the reader, cm'],
  ['offset_cm', 'lateral offset of the carrier from the reader axis, cm'],
  ['outcome', 'success (the gate opened: cause ok, wrong-gate or wrong-card, what gate_open_rate counts) or failure'],
  ['cause', 'ok, out-of-range, tear, collision, frame-errors, timeout, declined, wrong-gate, wrong-card (wrong-gate opens a gate but bills another person’s carrier; wrong-card bills another card of the tapper’s, a wallet at a selecting 13.56 MHz reader)'],
  ['latency_ms', 'from the carrier\'s presentation (first within gesture.presentationHeightM of the reader) to the reader\'s result: last frame plus the reader\'s closing work, or the end of a failed attempt; = wait_ms + activation_ms + anticollision_ms + air_ms + se_ms + reader_ms exactly (in ns), ms'],
  ['duration_ms', 'from the start of the tap gesture to the end of the attempt (what the gate waits for), ms'],
  ['frames', 'frames exchanged, count'],
  ['retransmissions', 'frames resent after an error, count'],
  ['collisions', 'collided responses / multi-target events, count'],
  ['wait_ms', 'latency component: waiting for the reader — approach into range, poll or beacon phase, polls/beacons that did not engage the carrier and, on a failed tap, the rest of the attempt after the last frame, ms'],
  ['activation_ms', 'latency component: activation, wake-up and binding — 13.56 MHz field-on guard and activation frames (REQA … ATS, REQB/ATTRIB); 2.45 GHz the LF beacon the carrier qualified at, ms'],
  ['anticollision_ms', 'latency component: extra frames and waits because more than one card or phone answered, ms'],
  ['air_ms', 'latency component: the transaction\'s frames on air — airtime, response delays, PHY turnarounds, channel access, WTX round trips, retransmissions, ms'],
  ['se_ms', 'latency component: card or secure-element processing, incl. the SE\'s link (SWP, SPI, host IPC) and an HCE app\'s wake-up, ms'],
  ['reader_ms', 'latency component: reader / terminal work — turnaround before each command, PSAM work, the work after the last frame; for a QR scan the whole scan, ms'],
  ['auth_ms', 'authorisation as the gate sees it: the reader\'s result → the backend\'s decision, ms; empty when the gate did not open for this tap'],
  ['gate_ms', 'the gate\'s opening after the decision (open delay, minimum cycle, re-lock), ms; empty when the gate did not open for this tap'],
  ['tap_to_open_ms', 'the carrier\'s presentation → the gate opening = latency_ms + auth_ms + gate_ms, ms; empty when the gate did not open for this tap'],
];

const GATE_DOCS: ColumnDocs = [
  ['replication', 'replication index, 0-based'],
  ['t_start_s', 'start of the interval, s since scenario start (interval length: scenario outputs.interval; the last may be shorter)'],
  ['clock', 'clock time of t_start_s: scenario startTime (00:00 when absent) plus t_start_s, HH:MM:SS rounded down to the second, "+1 d" from the next midnight on'],
  ['gateline', 'gateline key, station/gateline'],
  ['gates', 'gates in the gateline, count'],
  ['arrivals', 'passengers joining the gateline in the interval, count'],
  ['passed', 'passengers through a gate in the interval, count'],
  ['throughput_ppm_per_gate', 'passed / gates / interval length, passengers per minute per gate'],
  ['taps', 'tap attempts in the interval, count'],
  ['failed_taps', 'tap attempts in the interval after which the gate did not open (cause none of ok, wrong-gate, wrong-card), count'],
  ['queue_mean', 'time-average number of passengers queueing in the whole gateline (all its gates together, not counting those at a reader), persons'],
  ['queue_max', 'largest number queueing in the whole gateline at one instant in the interval (same base as queue_mean: queue_mean ≤ queue_max), persons'],
  ['queue_max_per_gate', 'largest queue at any single gate of the gateline at one instant in the interval, persons'],
  ['wait_mean_s', 'mean wait in the queue of passengers who reached a gate in the interval, s (NaN if none)'],
  ['wait_p95_s', '95th percentile of that wait, s (NaN if none), from a quantile sketch of the interval\'s waits with 6 mantissa bits: within 0.782 % of the exact p95'],
  ['wait_max_s', 'longest such wait, s (NaN if none)'],
  ['fruin_los', 'Fruin queueing level of service A–F of the gateline\'s queue_max (the whole gateline) over its queue area (gatelines[].queueAreaM2)'],
];

const BACKEND_DOCS: ColumnDocs = [
  ['replication', 'replication index, 0-based'],
  ['t_start_s', 'start of the interval, s since scenario start (interval length: scenario outputs.interval)'],
  ['clock', 'clock time of t_start_s: scenario startTime (00:00 when absent) plus t_start_s, HH:MM:SS rounded down to the second, "+1 d" from the next midnight on'],
  ['offered_tps', 'host-bound sends in the interval: online authorisation attempts (first sends and retries) and deferred-record batches leaving for a host, per second'],
  ['served_tps', 'host completions in the interval (online attempts and record batches the hosts finished), per second; ≈ offered_tps unless messages are lost, a host refuses or falls behind (an outage)'],
  ['local_checks_tps', 'deferred (offline) authorisations checked locally at the terminal in the interval, per second: never sent to a host on their own (they reach it later inside a batch)'],
  ['host_utilisation', 'busy share of all host servers over the interval, 0–1'],
  ['host_queue_mean', 'time-average number of requests waiting at the hosts, count'],
  ['backlog_mean', 'time-average number of deferred (offline) records not yet uploaded, count'],
  ['p99_response_ms', '99th percentile of online authorisation response time completed in the interval, ms (NaN if none)'],
];

const LATENCY_DOCS: ColumnDocs = [
  ['carrier', 'carrier id (scenario `carriers[].id`)'],
  ['band', '13.56MHz, 2.45GHz or optical'],
  ['p', 'probability, 0.01 … 0.99'],
  ['latency_ms', 'p-quantile of the tap latency of successful taps (the carrier\'s presentation to the reader\'s result), ms, from the quantile sketches (10 mantissa bits) merged exactly over all replications: within 0.0489 % of the exact quantile'],
];

const SERVICE_TIME_DOCS: ColumnDocs = [
  ['gateline', 'gateline key, station/gateline'],
  ['carrier', 'carrier id (scenario `carriers[].id`; qr-fallback: visits with a QR code after the fallback); all: every visit of the gateline'],
  ['band', 'band of the visit\'s last tap (13.56MHz, 2.45GHz, optical); all with carrier all'],
  ['branch', 'how the visit ended: pass (through the gate), other-gate, qr, service-desk (gave up there and took that fallback); all with carrier all'],
  ['n', 'visits after warm-up, count, over all replications'],
  ['share', 'n over the visits of the same gateline, carrier and band (all branches): the branch\'s share, 0–1; 1 for the all row'],
  ['mean_s', 'mean time at the gate, s (exact sum of integer ns)'],
  ['p', 'probability: 0 (min), 0.01 … 0.99, 1 (max) for the all rows; 0, 0.05 … 0.95, 1 for each carrier, band and branch'],
  ['time_s', 'p-quantile of the time at the gate, s: from the start of service (the passenger at the reader, after the queue) to the gate free for the next one (every tap attempt, re-present delay, authorisation, opening, the walk through; the serial headway) or to the give-up, from quantile sketches (10 mantissa bits) merged exactly over all replications: within 0.0489 %'],
  ['slice_mean_s', 'mean time of the visits ranked between this row\'s p and the next row\'s, s: equally likely slices (100 for the all rows, 20 otherwise; empty at p = 1) whose average is mean_s within 0.0489 %; the all rows\' are the representative times the exports use'],
];

const GATE_CAPACITY_DOCS: ColumnDocs = [
  ['gateline', 'gateline key, station/gateline'],
  ['visits', 'visits at the gateline\'s gates after warm-up (all carriers, bands, branches), count, all replications'],
  ['mean_service_s', 'mean time at the gate over those visits, s'],
  ['capacity_per_h_per_gate', '3600 / mean_service_s: visits one gate serves per hour when it never idles, per hour per gate'],
  ['pass_share', 'share of the visits that ended with a pass, 0–1'],
  ['passes_per_h_per_gate', 'pass_share × capacity_per_h_per_gate, passengers per hour per gate'],
  ['saturated_visits', 'visits of passengers who had queued: each began the instant the previous visit at that gate ended, so the gate did not idle between them (saturated), count'],
  ['saturated_mean_s', 'mean time of those visits, s (NaN if none): the measured cycle of a saturated gate'],
  ['saturated_per_h_per_gate', '3600 / saturated_mean_s: measured throughput of a saturated gate, visits per hour per gate (NaN if none)'],
];

const SUMMARY_CI_DOCS: ColumnDocs = [
  ['metric', 'metric name (a summary.csv column; see the metric list below)'],
  ['n', 'replications with a finite value, count (NaN values are left out)'],
  ['mean', 'mean over replications, in the metric\'s unit'],
  ['sd', 'sample standard deviation (n − 1), metric unit; NaN for n < 2'],
  ['ci95_half_width', 'half-width of the two-sided 95% Student-t confidence interval of the mean: t(0.975, n − 1) · sd / √n, metric unit'],
  ['ci95_lower', 'mean − half-width, metric unit'],
  ['ci95_upper', 'mean + half-width, metric unit'],
];

const SUMMARY_DOCS: ColumnDocs = [
  ['replication', 'replication index, 0-based'],
  ['seed', 'master seed (streams are keyed by seed, replication and entity)'],
  ['events', 'kernel events executed, count'],
  ['<metric>', 'one column per metric, sorted by name (see the metric list below)'],
];

const METRIC_DOCS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^passengers_arrived$/, 'passengers arrived after warm-up, count'],
  [/^passengers_passed$/, 'passengers through a gate after warm-up, count'],
  [/^passengers_balked$/, 'passengers who left without entering, count'],
  [/^passengers_service_desk$/, 'passengers sent to the service desk, count'],
  [/^passengers_in_system_end$/, 'passengers walking, queueing or in service at the end, count'],
  [/^fallback_other_gate$/, 'fallbacks to another gate, count'],
  [/^fallback_qr$/, 'fallbacks to a QR code, count'],
  [/^taps$/, 'tap attempts, count'],
  [/^taps_per_passenger$/, 'tap attempts per passenger passed, ratio'],
  [/^gate_open_rate$/, 'share of tap attempts after which the gate opened (cause ok, wrong-gate or wrong-card; those two open the gate but bill another carrier), 0–1 (0 if no taps); was tap_success_rate'],
  [/^paid_correctly_rate$/, 'share of tap attempts where the right person paid (cause ok only), 0–1 (0 if no taps)'],
  [/_per_10k_taps$/, 'events per 10,000 tap attempts'],
  [/^wait_.*_s$/, 'wait in the gate queue, s (mean, percentile or max; percentiles within 0.0489 % of the exact value, as every per-replication percentile)'],
  [/^time_in_system_p95_s$/, '95th percentile of arrival-to-pass time, s'],
  [/^transaction_time_p\d+_ms$/, 'transaction time percentile: the latency (presentation → the reader\'s result) of successful taps, all carriers and bands, ms (within 0.0489 %)'],
  [/^throughput_ppm_per_gate$/, 'passengers per minute per gate over the measured period'],
  [/^gate_utilisation$/, 'share of time gates are busy, 0–1'],
  [/^cause_/, 'tap attempts with that cause, count'],
  [/^paid_correctly_rate_carrier_/, 'share of that carrier\'s tap attempts (qr-fallback: QR fallback taps) where the right person paid (cause ok), 0–1 (NaN if none); was success_rate_carrier_<id>'],
  [/^paid_correctly_rate_/, 'share of tap attempts on that band (nfc 13.56 MHz, rcc 2.45 GHz, qr optical) where the right person paid (cause ok), 0–1 (NaN if none); was success_rate_<band>'],
  [/^latency_p\d+_ms_/, 'tap latency percentile of successful taps for carrier_band, ms (within 0.0489 %)'],
  [/^fruin_worst_class$/, 'worst Fruin queueing class over gatelines and intervals (each gateline\'s whole queue at its largest, over its queue area), 0 = A … 5 = F'],
  [/^passengers_exiting$/, 'passengers leaving through exit flows, count'],
  [/^tap_to_open_p\d+_ms$/, 'tap-to-gate-open time percentile: the carrier\'s presentation on the tap that opened the gate to the opening = latency + authorisation + gate, ms'],
  [/^throughput_peak_ppm_per_gate$/, 'passengers per minute per gate in the busiest interval of any gateline after warm-up'],
  [/^auth_p\d+_ms$/, 'authorisation time percentile, ms'],
  [/^auth_declined$/, 'transactions declined by the host, count'],
  [/^host_online_requests$/, 'online authorisation requests reaching the hosts, count'],
  [/^host_p99_ms$/, '99th percentile of the online response time, ms (NaN without online traffic), within 0.0489 %'],
  [/^host_utilisation_peak$/, 'busiest interval\'s share of busy host servers, 0–1'],
  [/^host_tps_peak$/, 'busiest interval\'s host completions, per second'],
  [/^online_timeouts$/, 'online requests that timed out at the terminal, count'],
  [/^online_retries$/, 'online requests retried by the terminal, count'],
  [/^online_duplicates$/, 'duplicate online requests seen by the hosts, count'],
  [/^offline_accepted$/, 'transactions accepted offline (terminal fallback), count'],
  [/^offline_accepted_value_cents$/, 'value of the transactions accepted offline, cents'],
  [/^deferred_backlog_max$/, 'largest backlog of deferred records not yet uploaded, count'],
  [/^deferred_oldest_age_max_s$/, 'oldest age of a deferred record waiting for upload, s'],
  [/^trips_started$/, 'journeys started through the network (entered a gate, then towards a platform), count'],
  [/^trips_completed$/, 'journeys that reached their destination station (alighted), count'],
  [/^fare_irregularities$/, 'passengers with no valid tap-in at their exit (evasion share, or an entry bound to another carrier), sent to the service desk, count'],
  [/^left_behind$/, 'passengers left on a platform by a departing full train (a passenger left behind twice counts twice), count'],
  [/^ride_time_mean_s$/, 'mean time from boarding to alighting of one leg, s'],
  [/^in_trains_mean$/, 'time-average number of passengers in trains over the whole run, persons'],
  [/^on_platforms_mean$/, 'time-average number of passengers waiting on platforms over the whole run, persons'],
  [/^load_factor_peak$/, 'highest load factor (riders ÷ seats of the segment departures) of a line in one interval'],
];

/** Description of a metric column (falls back to its unit suffix). */
export function describeMetric(name: string): string {
  for (const [re, text] of METRIC_DOCS) if (re.test(name)) return text;
  if (name.endsWith('_s')) return 'seconds';
  if (name.endsWith('_ms')) return 'milliseconds';
  return 'see the model documentation';
}

export const FILE_DOCS: Readonly<Record<string, { about: string; columns: ColumnDocs }>> = {
  'summary.csv': { about: 'One row per replication.', columns: SUMMARY_DOCS },
  'summary-ci.csv': { about: 'One row per metric: mean and 95% confidence interval over replications.', columns: SUMMARY_CI_DOCS },
  'transactions.csv': { about: 'One row per tap attempt; rows in replication order, then time order.', columns: TRANSACTION_DOCS },
  'gates.csv': { about: 'Time series per replication × interval × gateline.', columns: GATE_DOCS },
  'backend.csv': { about: 'Backend time series per replication × interval (all hosts and stations together).', columns: BACKEND_DOCS },
  'network.csv': {
    about: 'Per replication, line, direction and station (network.od scenarios): who boarded, alighted and was left behind, and the load on the segment leaving the station.',
    columns: [
      ['replication', 'replication index'],
      ['line', 'line id'],
      ['direction', 'forward (the order of network.lines[].stations) or backward'],
      ['position', 'stop number in the direction of travel, 0-based'],
      ['station', 'station id'],
      ['boarded', 'passengers who boarded here, count'],
      ['alighted', 'passengers who alighted here, count'],
      ['left_behind', 'passengers left on the platform by a full departing train, count (one passenger per train that left them)'],
      ['departures', 'trains that left here in this direction, count'],
      ['riders_departing', 'passengers on board as those trains left, summed, count'],
      ['load_factor', 'riders_departing ÷ (departures × capacity); empty at the last stop'],
    ],
  },
  'line-load.csv': {
    about: 'Per replication, interval and line (network.od scenarios): the load of the line over time, from every segment departure in the interval.',
    columns: [
      ['replication', 'replication index'],
      ['t_start_s', 'interval start, s from the run start'],
      ['clock', 'interval start as a time of day (startTime + t)'],
      ['line', 'line id'],
      ['riders_departing', 'passengers on board at the segment departures in the interval, summed, count'],
      ['seats_departing', 'capacity of those departures, summed, count'],
      ['load_factor', 'riders_departing ÷ seats_departing'],
      ['boarded', 'passengers who boarded the line in the interval, count'],
    ],
  },
  'latency.csv': { about: 'Tap-latency distribution per carrier and band, over all replications.', columns: LATENCY_DOCS },
  'service-times.csv': { about: 'Time at the gate per visit, per gateline, carrier, band and branch, over all replications (what `tapsim export service-times` reads; docs/export.md).', columns: SERVICE_TIME_DOCS },
  'gate-capacity.csv': { about: 'Gate capacity per gateline from the time at the gate, and the measured throughput of saturated gates, over all replications.', columns: GATE_CAPACITY_DOCS },
  'sweep.csv': {
    about: 'One row per sweep point (full factorial of the --vary values, first --vary varying slowest).',
    columns: [
      ['point', 'point index, 0-based'],
      ['<path>', 'one column per --vary path: the value at this point, as given'],
      ['n', 'replications at this point with a result, count'],
      ['<metric>_mean', 'mean over replications, metric unit'],
      ['<metric>_ci95', 'half-width of the 95% Student-t confidence interval of the mean, metric unit'],
    ],
  },
  'sweep-summary.csv': {
    about: 'One row per sweep point × replication.',
    columns: [['point', 'point index, 0-based'], ['<path>', 'the --vary values'], ...SUMMARY_DOCS],
  },
  'compare.csv': {
    about: 'Paired differences a − b per metric between band configurations on common random numbers (same seed and replication).',
    columns: [
      ['metric', 'metric name'],
      ['a', 'configuration a: nfc (every reader 13.56 MHz only), rcc (2.45 GHz RCC only) or dual (both)'],
      ['b', 'configuration b'],
      ['n', 'pairs with finite values, count'],
      ['mean_a', 'mean of the metric under a, metric unit'],
      ['mean_b', 'mean under b, metric unit'],
      ['diff_mean', 'mean of the paired differences a − b, metric unit'],
      ['diff_sd', 'sd of the paired differences, metric unit'],
      ['diff_ci95_half_width', 'half-width of the 95% Student-t interval of the mean difference, metric unit'],
      ['diff_ci95_lower', 'lower end, metric unit'],
      ['diff_ci95_upper', 'upper end, metric unit'],
      ['infeasible', 'the configuration(s) of the pair that cannot serve the population (a carrier with a share that no reader it can reach serves, e.g. RF-SIM phones under 13.56 MHz only): not run and not ranked, the numbers of the row are NaN (n = 0); empty when both ran (compare.json configs[].infeasible gives the reason)'],
    ],
  },
  'compare-summary.csv': {
    about: 'One row per configuration × replication.',
    columns: [['config', 'nfc, rcc or dual (an infeasible configuration has no rows: it is not run)'], ...SUMMARY_DOCS],
  },
  'size.csv': {
    about: 'One row per value evaluated by the sizing search.',
    columns: [
      ['value', 'value of the --vary path'],
      ['replications', 'replications run at this value, count'],
      ['mean', 'mean of the SLO metric, metric unit'],
      ['sd', 'sd of the SLO metric, metric unit'],
      ['bound95', 'one-sided 95% confidence bound of the mean (upper for "<=", lower for ">="), metric unit'],
      ['verdict', 'meets (bound clears the threshold), fails (the opposite bound is past it), undecided (replication cap reached: counted as not meeting)'],
    ],
  },
};

/** columns.md for the CSV files in a folder, with the metric columns actually present. */
export function columnsMarkdown(files: readonly string[], metrics: readonly string[]): string {
  const lines = ['# Columns', '', 'Numbers: integers as integers, otherwise up to 6 significant digits; NaN, Inf, -Inf spelled out.', ''];
  for (const file of files) {
    const doc = FILE_DOCS[file];
    if (doc === undefined) continue;
    lines.push(`## ${file}`, '', doc.about, '', '| column | meaning, unit |', '|---|---|');
    for (const [name, text] of doc.columns) lines.push(`| \`${name}\` | ${text} |`);
    lines.push('');
  }
  if (metrics.length > 0) {
    lines.push('## Metrics', '', '| metric | meaning, unit |', '|---|---|');
    for (const m of metrics) lines.push(`| \`${m}\` | ${describeMetric(m)} |`);
    lines.push('');
  }
  return lines.join('\n');
}
