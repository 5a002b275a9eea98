package io.leadqualifier.facts;

import java.time.Instant;

/** One interaction of the lead: an email opened, a download, a demo request. */
public class Activity {
    private String type;
    private Instant at;
    private String detail;

    public Activity() {
    }

    public Activity(String type, Instant at, String detail) {
        this.type = type;
        this.at = at;
        this.detail = detail;
    }

    /** Upper-case activity type such as DEMO_REQUEST; types the policy does not know score 0. */
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public Instant getAt() { return at; }
    public void setAt(Instant at) { this.at = at; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
}
