import { CORE_SCHEMA, load } from 'js-yaml';

/**
 * Parses one content file. The YAML 1.2 core schema: no dates or other types from unquoted text, so a
 * value like 2026-12-01 stays a string. js-yaml reads the whole library several times faster than the
 * `yaml` package did, which was half of start-up's own work.
 */
export function parseYaml(source: string): unknown {
  return load(source, { schema: CORE_SCHEMA });
}
