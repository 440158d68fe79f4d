/**
 * Scenario input errors: every problem found in a scenario file, a `--set` override or a flag is
 * collected as a `ScenarioIssue` and thrown together as one `ScenarioError` (all issues at once).
 * The CLI prints each issue as `file:line:col path: message` and exits 2 — never a stack trace.
 */

export interface ScenarioIssue {
  /** File the issue is in; `--set`, `--seed`, `--replications` or `--out` for flags. */
  file: string;
  /** 1-based line, or 0 when unknown (missing file, flag). */
  line: number;
  /** 1-based column, or 0 when unknown. */
  col: number;
  /** Dotted path of the field inside the scenario, e.g. `stations.0.entrances.1.gatelines.0.reader`; '' for the file. */
  path: string;
  message: string;
  /** "did you mean …?" suggestion, when there is one. */
  hint?: string;
}

export class ScenarioError extends Error {
  readonly issues: readonly ScenarioIssue[];
  constructor(issues: readonly ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

/** One issue as a line: `file:line:col path: message (did you mean "x"?)`. */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.col}` : issue.file;
  const path = issue.path === '' ? '' : ` ${issue.path}`;
  const hint = issue.hint === undefined ? '' : ` (did you mean ${issue.hint}?)`;
  return `${where}${path}: ${issue.message}${hint}`;
}

/** An issue without a position (whole file, or a flag). */
export function fileIssue(file: string, message: string, path = ''): ScenarioIssue {
  return { file, line: 0, col: 0, path, message };
}

export function isScenarioError(error: unknown): error is ScenarioError {
  return error instanceof ScenarioError;
}
