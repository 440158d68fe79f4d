/** The issues of one load, in the order they are shown, each once. */
import type { ScenarioIssue } from '../errors.js';

export /** Files in extends order (flags last), then line and column; stable otherwise. */
function sortIssues(issues: ScenarioIssue[], files: readonly string[]): ScenarioIssue[] {
  const rank = (file: string): number => {
    const i = files.findIndex((f) => f === file || f.endsWith('/' + file) || f.endsWith(file));
    return i < 0 ? files.length : i;
  };
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => rank(a.issue.file) - rank(b.issue.file) || a.issue.line - b.issue.line || a.issue.col - b.issue.col || a.index - b.index)
    .map((x) => x.issue);
}

export function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.file}|${i.line}|${i.col}|${i.path}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
