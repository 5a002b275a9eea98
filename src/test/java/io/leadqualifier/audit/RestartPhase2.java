package io.leadqualifier.audit;

/** The second application start on the {@link RestartPhase1} database. */
public class RestartPhase2 extends RestartPhase1 {

    @Override
    public java.util.Map<String, String> getConfigOverrides() {
        return kept();
    }
}
