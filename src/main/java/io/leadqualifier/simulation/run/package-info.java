/**
 * Running a simulation: the populations (recorded decisions streamed from the trail in lead order), the job
 * (a bounded executor off the request thread, its status, progress and report kept in table {@code simulation}),
 * and the changed leads (table {@code simulation_change}, read back in pages). Imports {@code simulation.report},
 * {@code evaluation}, {@code decision}, {@code audit.trail} (reading a recorded input back), {@code policy.compile},
 * {@code policy.archive}, {@code policy.candidate}, {@code leadfile} (reading a leads file), {@code facts}, {@code system}.
 */
package io.leadqualifier.simulation.run;
