package io.leadqualifier.facts;

/** The stage a stage rule chose; route and SLA rules match on it. */
public record AssignedStage(Stage stage) {
    public Stage getStage() { return stage; }
}
