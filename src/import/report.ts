import { ImportSummary } from './pipeline';
import { describeProblem } from './table';

/** What the import prints: a progress line on a terminal, and the summary at the end. */

/** Bad rows printed one by one; past this, their number only. */
const PROBLEMS_SHOWN = 100;

/** A progress callback that redraws one line in place (rows, rows/s, ETA); a no-op when `out` is not a terminal. */
export function progressLine(out: NodeJS.WriteStream, started = Date.now()): ((done: number, total: number) => void) | undefined {
  if (!out.isTTY) return undefined;
  return (done, total) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    out.write(`\r${done.toLocaleString('en')} / ${total.toLocaleString('en')} rows, ${Math.round(rate).toLocaleString('en')} rows/s, ETA ${eta} s   `);
    if (done >= total) out.write('\n');
  };
}

export function describeProblems(problems: ImportSummary['badRows'], what = 'bad rows'): string[] {
  const lines = problems.slice(0, PROBLEMS_SHOWN).map(describeProblem);
  if (problems.length > PROBLEMS_SHOWN) lines.push(`… and ${problems.length - PROBLEMS_SHOWN} more ${what}`);
  return lines;
}

/** The most memory this process has held so far (the kernel's high-water mark), in MB. */
function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function describeSummary(summary: ImportSummary, seconds: number): string[] {
  const { source } = summary;
  const lines = [
    `${summary.dryRun ? 'Dry run (nothing written)' : 'Imported'}: ${source.name} (source ${source.id}, version ${source.version})`,
    `  validated in ${summary.validationSeconds.toFixed(1)} s`,
    `  rows read ${summary.rowsRead.toLocaleString('en')}, bad ${summary.badRows.length}, notices ${summary.notices.length}, without data to import ${summary.rowsWithoutData}, in ${seconds.toFixed(1)} s (${Math.round(summary.rowsRead / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s), peak RSS ${peakRssMb()} MB`,
  ];
  for (const step of summary.written) {
    if (summary.dryRun) {
      lines.push(`  ${step.what}: would write ${step.planned.toLocaleString('en')} rows`);
      continue;
    }
    const parts: string[] = [];
    if (step.what.includes('nodes')) parts.push(`nodes created ${step.nodesCreated}, updated ${step.nodesUpdated}, unchanged ${step.nodesUnchanged}`);
    if (step.what.includes('relationships')) {
      parts.push(`relationships created ${step.relationshipsCreated}, updated ${step.relationshipsUpdated}, unchanged ${step.relationshipsUnchanged}`);
    }
    lines.push(`  ${step.what}: ${parts.join('; ')} (${step.seconds.toFixed(1)} s)`);
  }
  return lines;
}
