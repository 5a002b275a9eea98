/**
 * {@code POST /api/v1/qualify}: the request as CRMs send it, validated and completed with defaults, turned
 * into facts, evaluated under the active policy, recorded, and answered.
 */
package io.leadqualifier.qualification;
