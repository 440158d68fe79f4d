/** The folder `tapsim sensitivity` writes: sensitivity.csv, sensitivity-tornado.svg, sensitivity.md (top swings) and sensitivity.json. */
import { stackCharts, tornadoChart } from '../report/charts.js';
import { writeFolderAtomic } from '../report/write.js';
import { toolVersion } from '../experiment/version.js';
import type { SensitivityDesign, SensitivityRun } from './sensitivity.js';
import type { SensitivityParam } from './sensitivity-params.js';
import { SENSITIVITY_METRICS, sensitivityCsv, sensitivityRows, swingMarkdown, swings, TORNADO_METRICS, type SensitivityRow } from './sensitivity-table.js';

/** Rows in the README table (sensitivity.md). */
export const TOP_PARAMETERS = 8;

/** The three tornado panels (RCC − NFC of success, wrong gate + collision, latency p50) in one SVG. */
export function tornadoFigure(rows: readonly SensitivityRow[], bands: readonly [string, string], scenarioName: string, replications: number): string {
  const [a, b] = bands;
  const charts = TORNADO_METRICS.map((m) => {
    const def = SENSITIVITY_METRICS.find((d) => d.id === m)!;
    const list = swings(rows, m);
    return tornadoChart({
      title: `${scenarioName}: ${def.label}, ${b} − ${a}`,
      subtitle: `each [E] parameter at its low and high value; base line = the scenario's values; ${replications} replication(s) per point, common random numbers`,
      id: `tornado-${m}`,
      x: { label: `${def.label}, ${b} − ${a}`, unit: def.unit },
      base: (list[0]?.base ?? NaN) * def.scale,
      rows: list.map((s) => ({ label: `${s.param} (${s.lowValue} / ${s.highValue})`, low: s.low * def.scale, high: s.high * def.scale })),
    });
  });
  return stackCharts(charts, `${scenarioName}: sensitivity of the band comparison`);
}

/** Write the results folder; returns the rows and the README table text. */
export async function writeSensitivity(
  outDir: string,
  design: SensitivityDesign,
  run: SensitivityRun,
  meta: { scenarioName: string; scenarioFile: string; seed: number; replications: number; params: readonly SensitivityParam[]; wallTimeS: number },
): Promise<{ rows: SensitivityRow[]; markdown: string }> {
  const rows = sensitivityRows(design, run.results);
  const markdown = swingMarkdown(rows, design.bands, TOP_PARAMETERS);
  const json = {
    tool: 'tapsim',
    version: await toolVersion(),
    scenario: { name: meta.scenarioName, file: meta.scenarioFile },
    seed: meta.seed,
    replications: meta.replications,
    bands: design.bands,
    parameters: meta.params,
    skipped: design.skipped,
    points: design.points.map((p) => ({ param: p.param, level: p.level, value: p.value, sha256: p.configs.map((c) => c.sha256) })),
    failures: run.failures,
    wallTimeS: meta.wallTimeS,
  };
  await writeFolderAtomic(outDir, async (w) => {
    await w.writeFile('sensitivity.csv', sensitivityCsv(rows, design.bands));
    await w.writeFile('sensitivity-tornado.svg', tornadoFigure(rows, design.bands, meta.scenarioName, meta.replications));
    await w.writeFile('sensitivity.md', markdown);
    await w.writeFile('sensitivity.json', JSON.stringify(json, null, 2) + '\n');
  });
  return { rows, markdown };
}
