package io.leadqualifier.simulation.run;

import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemException;

/** Too many simulations are waiting: the client should submit again once one has finished. */
public class SimulationsBusyException extends ProblemException {

    SimulationsBusyException(int waiting) {
        super(waiting + " simulations are already waiting: submit again once one has finished");
    }

    @Override
    public Problem problem() {
        return Problem.of("simulations-busy", "Too many simulations", 429, getMessage());
    }
}
