/**
 * Recorded decisions evaluated again under their recorded policy version: replay (one, or a time range) and
 * the explanation with its score ledger and why-not answers. Reuses the evaluator and the fact mapping;
 * archived versions are compiled once and cached. Imports {@code audit}, {@code decision}, {@code evaluation},
 * {@code policy}, {@code facts}, {@code security}.
 */
package io.leadqualifier.replay;
