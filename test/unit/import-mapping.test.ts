import { countryCode } from '../../src/import/countries';
import { seniorityFor } from '../../src/import/so-survey/so-survey';
import { technologyKind } from '../../src/import/onet/technology-kinds';
import { technologyId } from '../../src/import/technologies';

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
