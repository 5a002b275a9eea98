package io.leadqualifier.simulation.run;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/** The populations a simulation can run over. */
@ApplicationScoped
public class Populations {
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    Populations(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The decisions recorded (evaluated) in [from, to), each re-evaluated at its own asOf with its recorded input. */
    public Population recorded(Instant from, Instant to) {
        return new RecordedDecisions(dataSource, json, from, to);
    }
}
