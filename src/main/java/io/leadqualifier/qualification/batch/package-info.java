/**
 * {@code POST /api/v1/qualify/batch}: a lead file (NDJSON, a JSON array, or CSV with a mapping) streamed in, each
 * line qualified as a single request is (recorded through the same path, or evaluated only), answered in order as
 * NDJSON streamed out, with progress and a summary. Imports {@code qualification}, {@code leadfile}, {@code decision},
 * {@code security}, {@code system}.
 */
package io.leadqualifier.qualification.batch;
