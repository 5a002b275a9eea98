package io.leadqualifier.facts;

/** Where the lead came from. */
public class Source {
    private SourceKind kind;
    private String channel;

    public SourceKind getKind() { return kind; }
    public void setKind(SourceKind kind) { this.kind = kind; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
}
