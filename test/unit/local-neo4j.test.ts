import { megabytes, parseDownload, watchedStart } from '../../scripts/processes/local-neo4j';

/** The first run's progress counts Maven's "Downloaded from" lines (Maven 3.8's batch-mode output). */
describe('parseDownload', () => {
  it.each([
    [
      '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/5.26.0/neo4j-kernel-5.26.0.jar (3.1 MB at 4.2 MB/s)',
      { file: 'https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/5.26.0/neo4j-kernel-5.26.0.jar', bytes: 3_100_000 },
    ],
    [
      '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/apache/maven/maven-parent/21/maven-parent-21.pom (26 kB at 399 kB/s)',
      { file: 'https://repo.maven.apache.org/maven2/org/apache/maven/maven-parent/21/maven-parent-21.pom', bytes: 26_000 },
    ],
    ['Downloaded from mirror: https://mirror.example/a/b-1.jar (512 B at 1 kB/s)', { file: 'https://mirror.example/a/b-1.jar', bytes: 512 }],
  ])('reads %s', (line, expected) => {
    expect(parseDownload(line)).toEqual(expected);
  });

  it.each([
    '[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j/5.26.0/neo4j-5.26.0.jar',
    '[INFO] BUILD SUCCESS',
    '',
  ])('ignores %j', (line) => {
    expect(parseDownload(line)).toBeUndefined();
  });

  it('shows megabytes with one decimal', () => {
    expect(megabytes(131_234_567)).toBe('131.2');
  });
});

describe('watchedStart off a terminal', () => {
  afterEach(() => jest.useRealTimers());

  it('logs the downloads so far at most every 5 s, and log lines as they come', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const lines: string[] = [];
    const hooks = watchedStart(false, (line) => lines.push(line));
    hooks.downloading!({ jars: 1, bytes: 1_500_000 });
    jest.advanceTimersByTime(4_000);
    hooks.downloading!({ jars: 2, bytes: 2_500_000 });
    jest.advanceTimersByTime(1_000);
    hooks.downloading!({ jars: 3, bytes: 3_500_000 });
    hooks.log!('built the Neo4j launcher');
    expect(lines).toEqual([
      'downloading from Maven Central: 1 jars, 1.5 MB so far',
      'downloading from Maven Central: 3 jars, 3.5 MB so far',
      'built the Neo4j launcher',
    ]);
  });
});
