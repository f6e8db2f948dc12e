/** The data layer's public API: what `npm start`, the server and the tests use. */
export { loadDataFolder, loadDefaultDataIfEmpty, parseDataFolder, resolveDataDir, storeParsedFolder, DEFAULT_MANIFEST, manifestPathFor } from './load.ts';
export type { DataDirChoice, LoadOptions, LoadSummary, FileLoadSummary, ParsedFolder } from './load.ts';
export { coverageSummary, referencePeriod, DEFAULT_CYCLE_YEAR } from './coverage.ts';
export type { CoverageEntry, CoverageSummary, Gap } from './coverage.ts';
export { parseManifest, readManifest } from './manifest.ts';
export type { Manifest, ManifestFile } from './manifest.ts';
export { parseTidyCsv } from './tidy-csv.ts';
export { REGISTRY, indicatorDefinition, isIndicatorId } from './registry.ts';
export type { IndicatorDefinition, IndicatorId } from './registry.ts';
export { parseJsonStat } from './eurostat/jsonstat.ts';
export { parseSdmxCsv } from './eurostat/sdmx-csv.ts';
export { parseEurostatTsv } from './eurostat/tsv.ts';
export type { EurostatParsed, EurostatParseOptions } from './eurostat/series.ts';
export { EurostatClient, EUROSTAT_API } from './eurostat/client.ts';
export type { EurostatClientOptions, Fetched } from './eurostat/client.ts';
export { cacheDirFor, fetchRegistry, loadFromEurostat, registryRequests, storeFetched } from './eurostat/source.ts';
