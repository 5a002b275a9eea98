package io.leadqualifier.replay;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.leadqualifier.policy.archive.PolicyArchive;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PolicyCompiler;
import io.leadqualifier.policy.source.PolicyFile;
import io.quarkus.cache.CacheResult;

/**
 * Policy versions no longer serving, compiled again from the archive for re-evaluation. The last few are
 * kept compiled ({@code quarkus.cache.caffeine."archived-policies".maximum-size}); a compile blocks only
 * those asking for the same version.
 */
@ApplicationScoped
public class ArchivedPolicies {
    private final PolicyArchive archive;
    private final PolicyCompiler compiler;

    ArchivedPolicies(PolicyArchive archive, PolicyCompiler compiler) {
        this.archive = archive;
        this.compiler = compiler;
    }

    @CacheResult(cacheName = "archived-policies")
    public CompiledPolicy compiled(String version) {
        List<PolicyFile> files = archive.files(version);
        if (files.isEmpty()) {
            throw new NotFoundException("Policy version " + version + " is not in the archive");
        }
        return compiler.compile(files);
    }
}
