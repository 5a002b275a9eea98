package io.leadqualifier.facts;

/** The temperature a temperature rule chose; SLA rules match on it. */
public record AssignedTemperature(Temperature temperature) {
    public Temperature getTemperature() { return temperature; }
}
