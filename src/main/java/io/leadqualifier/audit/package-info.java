/**
 * The decision trail: every decision recorded with its input, output, fired rules and policy version,
 * and read back by id.
 */
package io.leadqualifier.audit;
