import type { PluginProblem } from '../platform/plugin-scan';
import type { Printer } from './printer';

/** One warning per skipped package, e.g. after a scan found a broken manifest. */
export function reportProblems(printer: Printer, problems: PluginProblem[]): void {
  for (const problem of problems) {
    printer.warning(`⚠ Skipped plugin ${problem.packageName ?? problem.packageLocation} (${problem.code}): ${problem.reason}`);
  }
}
