import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, graphConnection, readConfig, repoRoot } from '../src/config';
import { applySchema, defaultCypherDirs } from '../src/graph/cypher-files';
import { Graph } from '../src/graph/driver';
import { Crosswalk } from '../src/import/crosswalk';
import { escoDataset } from '../src/import/esco/esco';
import { onetDataset } from '../src/import/onet/onet';
import { BadRowsError, Dataset, ImportStoppedError, runImport } from '../src/import/pipeline';
import { GraphQLError } from 'graphql';
import { ERROR_CODES } from '../src/errors';
import { describeProblems, describeSummary, progressLine } from '../src/import/report';
import { surveyDataset } from '../src/import/so-survey/so-survey';
import { ImportFileError } from '../src/import/table';

/**
 * `npm run import -- esco DIR | onet DIR | so-survey FILE --year YYYY [options]`: imports a public dataset
 * into NEO4J_URI (default: the local Neo4j, as `npm run seed`). Options:
 *   --dry-run               validate everything and print what would be written; write nothing
 *   --skip-bad-rows         report bad rows and import the others (without it, one bad row stops the import)
 *   --version V             the dataset's version when the path does not say it (ESCO v1.2.0, O*NET 29.0)
 *   --batch-size N          rows per transaction (default 10000)
 *   --stop-after-batches N  stop after N batches as a crash would, leaving the Source incomplete (to see
 *                           and test what readers get during an interrupted import; the next run completes it)
 * Exit status: 0 imported, 1 refused (nothing written), 3 stopped by --stop-after-batches.
 */

const USAGE = 'usage: npm run import -- esco DIR | onet DIR | so-survey FILE --year YYYY [--dry-run] [--skip-bad-rows] [--version V] [--batch-size N]';
const STOPPED_STATUS = 3;

class UsageError extends Error {}

function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${option} must be a positive integer, got "${value}"`);
  return Number(value);
}

async function datasetFor(kind: string, input: string, values: { year?: string; version?: string }): Promise<Dataset> {
  const crosswalk = await Crosswalk.load();
  switch (kind) {
    case 'esco':
      return escoDataset(input, crosswalk, values.version);
    case 'onet':
      return onetDataset(input, crosswalk, values.version);
    case 'so-survey': {
      const year = positiveInteger(values.year, '--year');
      if (!year || year < 2011 || year > 2100) throw new UsageError(`so-survey needs the survey's year: --year YYYY\n${USAGE}`);
      return surveyDataset(input, crosswalk, year);
    }
    default:
      throw new UsageError(`unknown dataset "${kind}"\n${USAGE}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'skip-bad-rows': { type: 'boolean', default: false },
      year: { type: 'string' },
      version: { type: 'string' },
      'batch-size': { type: 'string' },
      'stop-after-batches': { type: 'string' },
    },
  });
  if (positionals.length !== 2) throw new UsageError(USAGE);
  // npm runs scripts from the package folder; a relative path is meant from where the user typed it.
  const input = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[1]);
  const dataset = await datasetFor(positionals[0], input, values);
  const options = {
    dryRun: values['dry-run']!,
    skipBadRows: values['skip-bad-rows']!,
    batchSize: positiveInteger(values['batch-size'], '--batch-size') ?? 10_000,
    stopAfterBatches: positiveInteger(values['stop-after-batches'], '--stop-after-batches'),
    onProgress: progressLine(process.stdout),
  };

  const graph = Graph.open(graphConnection(readConfig()));
  const started = Date.now();
  try {
    // Constraints and indexes first: MERGE on id needs them to be fast, and they keep ids unique.
    if (!options.dryRun) await applySchema(graph, defaultCypherDirs(repoRoot).schema);
    const summary = await runImport(graph, dataset, options);
    for (const line of describeProblems(summary.badRows)) console.error(line);
    for (const line of describeProblems(summary.notices, 'notices')) console.log(`notice: ${line}`);
    for (const line of describeSummary(summary, (Date.now() - started) / 1000)) console.log(line);
    return 0;
  } catch (error) {
    if (error instanceof BadRowsError) {
      for (const line of describeProblems(error.problems)) console.error(line);
      console.error(error.message);
      return 1;
    }
    if (error instanceof ImportStoppedError) {
      console.error(error.message);
      return STOPPED_STATUS;
    }
    if (error instanceof GraphQLError && error.extensions.code === ERROR_CODES.SERVICE_UNAVAILABLE) {
      console.error(`Import refused: no Neo4j answers at ${graphConnection(readConfig()).uri}; start one (npm start, or npm run neo4j:start) or set NEO4J_URI`);
      return 1;
    }
    throw error;
  } finally {
    await graph.close();
  }
}

main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (error: unknown) => {
    const known =
      error instanceof UsageError ||
      error instanceof ImportFileError ||
      error instanceof ConfigError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(known ? `Import refused: ${(error as Error).message}` : error);
    process.exit(1);
  },
);
