/**
 * Charts for run reports (docs/architecture.md#cli figures/*.svg): plain data in, an SVG string out.
 *
 * Every chart is an 800×500 view box drawn by `frame` (frame.ts): a `<title>`, axes from
 * `scale.ticks()`, axis labels with units, a grid and a legend. Pure functions, no DOM, no I/O.
 *
 * - lineChart: several series, each with an optional CI band (lo/hi per point); linear or step.
 * - cdfChart: empirical CDFs from samples, or CDFs from quantiles (e.g. a histogram's).
 * - forestPlot: paired differences, estimate with 95% CI per metric, and a zero line.
 * - sizingChart: a metric against the number of gates with an SLO threshold line.
 * - contourMap: filled contours (d3-contour) of a 2-D grid, emphasised threshold lines, lanes.
 * - barChart: horizontal grouped bars (failures by cause).
 * - tornadoChart: one metric's swing per parameter around a base value (`tapsim sensitivity`); stackCharts puts
 *   several charts in one SVG.
 *
 * One chart per file under charts/; this file is their one entry.
 */
export { fmtValue, type AxisInput, type ChartBase } from './charts/common.js';
export { type LinePoint, type LineSeries, type ReferenceLine } from './charts/xy.js';
export { lineChart, type LineChartInput } from './charts/line.js';
export { cdfChart, ecdfPoints, type CdfChartInput, type CdfSeries } from './charts/cdf.js';
export { sizingChart, type SizingChartInput } from './charts/sizing.js';
export { forestPlot, type ForestPlotInput, type ForestRow } from './charts/forest.js';
export { contourMap, logLevels, type ContourLevel, type ContourMapInput, type Grid2D, type LaneRect } from './charts/contour.js';
export { barChart, type BarChartInput } from './charts/bar.js';
export { tornadoChart, type TornadoInput, type TornadoRow } from './charts/tornado.js';
export { stackCharts } from './charts/stack.js';
