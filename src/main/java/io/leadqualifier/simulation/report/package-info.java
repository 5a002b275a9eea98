/**
 * One lead's two verdicts (serving and candidate policy) and the counters a simulation report is made of: the
 * stage, temperature and route transition matrices, the score shift distribution, the hand-off load per queue
 * and ISO week, and the calibration of each policy. Counters only: memory does not grow with the population.
 * Imports {@code simulation.calibration}, {@code evaluation} (the ledger a verdict is read from), {@code facts}.
 */
package io.leadqualifier.simulation.report;
