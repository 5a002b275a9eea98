/**
 * Lead files: a CSV with a mapping, NDJSON or a JSON array read as a stream of lines, each a validated
 * {@link io.leadqualifier.decision.QualifyRequest} (the body of {@code POST /api/v1/qualify}) with its known outcome,
 * or the problem of that line. Nothing is held but the line being read. The mappings ({@link
 * io.leadqualifier.leadfile.LeadMapping}: column → field, value translations, defaults, label, lead id and asOf)
 * are YAML; the ones for the public datasets ship in {@code src/main/resources/lead-mappings}. Imports
 * {@code decision} and {@code system}.
 */
package io.leadqualifier.leadfile;
