import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(english);

/**
 * The survey's names that i18n-iso-countries does not know: the UN's long forms, which the survey's
 * country list uses. Only exact names, each an unambiguous country; anything else is reported, not guessed.
 */
const SURVEY_NAMES: Record<string, string> = {
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
  'Iran, Islamic Republic of': 'IR',
  'Venezuela, Bolivarian Republic of': 'VE',
  'Congo, Republic of the': 'CG',
  'Viet Nam': 'VN',
  'Hong Kong (S.A.R.)': 'HK',
  'Republic of Moldova': 'MD',
  'The former Yugoslav Republic of Macedonia': 'MK',
  'Libyan Arab Jamahiriya': 'LY',
  "Democratic People's Republic of Korea": 'KP',
  Swaziland: 'SZ',
};

/** Names already looked up: the library scans every country per call, and a survey repeats ~180 names 65,000 times. */
const known = new Map<string, string | undefined>();

/** ISO 3166-1 alpha-2 code of a country's English name, or undefined when the name is not known. */
export function countryCode(name: string): string | undefined {
  if (!known.has(name)) {
    // The survey cuts some long names with "..." ("Iran, Islamic Republic of...").
    const trimmed = name.trim().replace(/\.\.\.$/, '');
    known.set(name, countries.getAlpha2Code(trimmed, 'en') ?? SURVEY_NAMES[trimmed]);
  }
  return known.get(name);
}
