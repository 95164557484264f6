// Check Cypher statements with Neo4j's own parser and semantic analysis, offline.
// stdin:  {"statements": ["..."], "schema": <a DbSchema: labels, relationshipTypes, propertyKeys, parameters>}
// stdout: [{"statement": "...", "diagnostics": [{"severity": "error"|"warning"|..., "message": "...", "start": n, "end": n}]}]
// Severity follows the LSP numbering used by the library: 1 error, 2 warning, 3 info, 4 hint.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const schema = input.schema ?? {};

const report = input.statements.map((statement) => {
  const { diagnostics } = lintCypherQuery(statement, schema);
  return {
    statement,
    diagnostics: diagnostics.map((d) => ({
      severity: SEVERITY[d.severity] ?? String(d.severity),
      message: d.message,
      start: d.offsets?.start ?? null,
      end: d.offsets?.end ?? null,
    })),
  };
});
process.stdout.write(JSON.stringify(report));
