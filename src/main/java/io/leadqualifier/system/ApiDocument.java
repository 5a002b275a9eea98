package io.leadqualifier.system;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API description's front page ({@code /q/openapi}): what CRM teams generate clients from. Each tag is
 * one group of operations; every error is a {@link Problem} ({@link ProblemResponses} adds them).
 */
@OpenAPIDefinition(
        info = @Info(title = "Lead Qualifier API", version = "1",
                description = "Qualifies sales leads (stage, score, temperature, route, hand-off SLA) under a policy of DRL rules and"
                        + " spreadsheet decision tables, records every decision in a tamper-evident trail, and lets RevOps change"
                        + " the policy safely. Authenticate with a bearer JWT (roles in the groups claim) or, on the embedded quick"
                        + " start, HTTP Basic with the built-in credentials. Every error is an RFC 9457 problem.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0"),
                contact = @Contact(name = "Lead Qualifier")),
        servers = @Server(url = "http://localhost:8080", description = "The embedded quick start (./mvnw quarkus:run)"),
        tags = {
            @Tag(name = "Qualification", description = "Qualify a lead: evaluate it under the active policy, record the decision, answer it"),
            @Tag(name = "Decisions", description = "The decision trail: read, search, export, explain and replay recorded decisions"),
            @Tag(name = "Audit", description = "Integrity of the trail: verify the hash chain, erasures of personal data, retention purges"),
            @Tag(name = "Policy", description = "The policy: the active version, every version and candidate, validate, upload, roll back, diff"),
            @Tag(name = "Webhooks", description = "Signed webhooks (Standard Webhooks): subscriptions to lead and SLA events, and every delivery"
                    + " attempt made to them"),
            @Tag(name = "Leads", description = "A lead's lifecycle: its state, hand-offs and transitions, the events sales send, its decisions, erasure"),
            @Tag(name = "SLA", description = "The hand-off SLA as it is kept: open hand-offs with time left, breaches, the sweep"),
            @Tag(name = "Simulations", description = "Know before you change: a candidate policy evaluated over recorded decisions or a"
                    + " leads file, as a job: transition matrices, score shift, hand-off load, calibration against outcomes"),
            @Tag(name = "KPIs", description = "The funnel of the weekly marketing–sales review: conversion, time to contact, SLA compliance")
        })
public class ApiDocument extends Application {
}
