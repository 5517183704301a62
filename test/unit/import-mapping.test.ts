import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { countryCode } from '../../src/import/countries';
import { LatestVersions } from '../../src/import/fields';
import { TechnologyKind } from '../../src/modules/technology/technology.enums';
import { seniorityFor } from '../../src/import/so-survey/so-survey';
import { technologyKind } from '../../src/import/onet/technology-kinds';
import { majorityKind, TechnologyCatalogue, technologyId } from '../../src/import/technologies';

/** The import's mapping tables, which the README documents. */

describe('countryCode', () => {
  it.each([
    ['United States of America', 'US'],
    ['Germany', 'DE'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GB'],
    ['Iran, Islamic Republic of...', 'IR'],
    ['Viet Nam', 'VN'],
    ['Hong Kong (S.A.R.)', 'HK'],
    ["Democratic People's Republic of Korea", 'KP'],
    ['Republic of Korea', 'KR'],
    ["Côte d'Ivoire", 'CI'],
    ['Russian Federation', 'RU'],
  ])('%s is %s', (name, code) => {
    expect(countryCode(name)).toBe(code);
  });

  it.each(['Nomadic', 'Atlantis', 'Korea'])('does not guess "%s"', (name) => {
    expect(countryCode(name)).toBeUndefined();
  });
});

describe('seniorityFor (YearsCodePro bands)', () => {
  it('is JUNIOR for 0-2 years, MID for 3-5, SENIOR from 6, never LEAD', () => {
    expect([0, 1, 2, 3, 5, 6, 51].map(seniorityFor)).toEqual(['JUNIOR', 'JUNIOR', 'JUNIOR', 'MID', 'MID', 'SENIOR', 'SENIOR']);
  });
});

describe('technologyId', () => {
  it('is the slug of the name, with + and # spelled out', () => {
    expect(['PostgreSQL', 'Node.js', 'C', 'C++', 'C#', 'F#', 'HTML/CSS'].map(technologyId)).toEqual([
      'postgresql',
      'node-js',
      'c',
      'c-plus-plus',
      'c-sharp',
      'f-sharp',
      'html-css',
    ]);
  });
});

describe('technologyKind (O*NET commodity titles)', () => {
  it('maps the listed titles and makes any other an APPLICATION', () => {
    expect(technologyKind('Database management system software')).toBe('DATABASE');
    expect(technologyKind('Development environment software')).toBe('TOOL');
    expect(technologyKind('Spreadsheet software')).toBe('APPLICATION');
  });
});

describe('technologyKind of PostgreSQL’s real commodity title (O*NET 29.2)', () => {
  it('is DATABASE', () => {
    expect(technologyKind('Object oriented data base management software')).toBe('DATABASE');
  });
});

describe('majorityKind (datasets that disagree on a kind)', () => {
  it('takes the kind most rows give, and breaks a tie by KIND_PRECEDENCE, never by reading order', () => {
    const votes = (entries: [TechnologyKind, number][]) => new Map(entries);
    expect(majorityKind(votes([[TechnologyKind.APPLICATION, 3], [TechnologyKind.DATABASE, 2]]))).toBe('APPLICATION');
    expect(majorityKind(votes([[TechnologyKind.APPLICATION, 2], [TechnologyKind.DATABASE, 2]]))).toBe('DATABASE');
    expect(majorityKind(votes([[TechnologyKind.DATABASE, 2], [TechnologyKind.APPLICATION, 2]]))).toBe('DATABASE');
  });
});

describe('the technology catalogue (cypher/import/technologies.csv)', () => {
  const catalogue = TechnologyCatalogue.read();

  it('gives every alias one id, case aside, and joins the names the datasets use for one technology', () => {
    const names = catalogue.entries.flatMap((entry) => [entry.name, ...entry.aliases].map((name) => ({ name: name.toLowerCase(), id: entry.id })));
    const ids = new Map<string, Set<string>>();
    for (const { name, id } of names) ids.set(name, new Set([...(ids.get(name) ?? []), id]));
    expect([...ids].filter(([, of]) => of.size > 1)).toEqual([]);
    expect(['Oracle Java', 'Java', 'java'].map((name) => catalogue.idOf(name))).toEqual(['java', 'java', 'java']);
    expect(catalogue.idOf('HTML/CSS')).toBe('html-and-css');
    expect(catalogue.idOf('Rust programming language')).toBe(catalogue.idOf('Rust'));
    expect(catalogue.idOf('Microsoft Azure software')).toBe(catalogue.idOf('Microsoft Azure'));
    expect(catalogue.idOf('Amazon Web Services AWS software')).toBe(catalogue.idOf('Amazon Web Services (AWS)'));
  });

  it('has every seed technology, with the seed’s id and kind', () => {
    const seed = fs.readFileSync(path.join(repoRoot, 'cypher', 'seed', '004-technologies.cypher'), 'utf8');
    const technologies = [...seed.matchAll(/\{id: '([a-z0-9-]+)', name: '[^']*', kind: '([A-Z]+)'/g)].map(([, id, kind]) => ({ id, kind }));
    expect(technologies.length).toBeGreaterThan(10);
    const byId = new Map(catalogue.entries.map((entry) => [entry.id, entry.kind]));
    expect(technologies.filter(({ id, kind }) => byId.get(id) !== kind)).toEqual([]);
  });

  it('gives the well-known technologies their kind', () => {
    const kind = (name: string) => catalogue.lookup(name)?.kind;
    expect(['PostgreSQL', 'MySQL', 'Python', 'JavaScript', 'Go', 'Git'].map(kind)).toEqual(['DATABASE', 'DATABASE', 'LANGUAGE', 'LANGUAGE', 'LANGUAGE', 'TOOL']);
  });

  it('merges the nodes earlier imports made from an alias into the catalogue’s id', () => {
    expect(catalogue.merges()).toContainEqual({ from: 'html-css', to: 'html-and-css', props: {} });
    expect(catalogue.merges()).toContainEqual({ from: 'oracle-java', to: 'java', props: {} });
  });
});

describe('LatestVersions (a key listed twice)', () => {
  it('chooses the row with the latest version, and gives one notice per key listed more than once', () => {
    const versions = new LatestVersions();
    versions.offer('a', '2025-07-31T09:38:59.122Z', 2);
    versions.offer('b', '2024-01-01T00:00:00Z', 3);
    versions.offer('a', '2025-11-26T10:02:16.164Z', 4);
    expect(versions.isChosen('a', 2)).toBe(true);
    const notices = versions.settle('occupations_en.csv', 'conceptUri');
    expect(notices).toEqual([
      {
        file: 'occupations_en.csv',
        line: 4,
        column: 'conceptUri',
        reason: '"a" is listed more than once; the row with the latest version (2025-11-26T10:02:16.164Z, this line) is imported',
      },
    ]);
    expect([versions.isChosen('a', 2), versions.isChosen('a', 4), versions.isChosen('b', 3)]).toEqual([false, true, true]);
  });
});
