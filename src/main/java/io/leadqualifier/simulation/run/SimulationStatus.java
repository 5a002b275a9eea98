package io.leadqualifier.simulation.run;

/** Where a simulation job is. */
public enum SimulationStatus {
    /** Waiting for the simulation thread. */
    QUEUED,
    /** Being evaluated: see its progress. */
    RUNNING,
    /** Finished: its report and changed leads are there to read. */
    DONE,
    /** Stopped by an error, or by a restart of the service while it was queued or running. */
    FAILED
}
