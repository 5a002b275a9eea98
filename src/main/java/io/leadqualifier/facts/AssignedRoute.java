package io.leadqualifier.facts;

/** The route a route rule chose; SLA rules match on it. */
public record AssignedRoute(Route route) {
    public Route getRoute() { return route; }
}
