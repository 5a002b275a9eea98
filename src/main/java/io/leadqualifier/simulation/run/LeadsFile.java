package io.leadqualifier.simulation.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.leadqualifier.leadfile.LeadFiles;
import io.leadqualifier.leadfile.LeadLine;
import io.leadqualifier.leadfile.LeadMapping;
import io.leadqualifier.leadfile.LeadReader;
import io.leadqualifier.system.Problem;

/**
 * The lines of an uploaded leads file (CSV with a mapping, NDJSON or a JSON array), read as batch qualification
 * reads them, with the label as the known outcome. Each lead is evaluated as never seen before (no lifecycle
 * history) at its own asOf; a line without asOf, or refused by the reader, is counted as failed. The file is a copy
 * the simulation owns, read one line at a time and deleted when the simulation is over.
 */
final class LeadsFile implements Population {
    private final LeadFiles files;
    private final Path copy;
    private final String fileName;
    private final LeadMapping mapping;
    private final String mappingName;

    LeadsFile(LeadFiles files, Path copy, String fileName, LeadMapping mapping, String mappingName) {
        this.files = files;
        this.copy = copy;
        this.fileName = fileName;
        this.mapping = mapping;
        this.mappingName = mappingName;
    }

    /** Not known before the file is read: the progress counts lines without a total. */
    @Override
    public Long size() {
        return null;
    }

    @Override
    public Map<String, Object> description() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("kind", "LEADS_FILE");
        description.put("file", fileName);
        if (mappingName != null) {
            description.put("mapping", mappingName);
        }
        return description;
    }

    @Override
    public void read(Consumer<Member> sink) {
        try (InputStream in = Files.newInputStream(copy); LeadReader reader = csv() ? files.csv(in, mapping) : files.json(in)) {
            while (reader.hasNext()) {
                sink.accept(member(reader.next()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean csv() {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    private static Member member(LeadLine line) {
        if (line instanceof LeadLine.Refused refused) {
            return Member.refused(line.line(), "line " + line.line() + ": " + describe(refused.problem()));
        }
        LeadLine.Lead lead = (LeadLine.Lead) line;
        if (lead.request().asOf() == null) {
            return Member.refused(line.line(), "line " + line.line() + ": asOf is required in a simulation (rules never read the clock);"
                    + " give it in the file or in the mapping");
        }
        return new Member(lead.request().leadId(), lead.request().asOf(), null, line.line(), lead.request(), lead.converted(), null);
    }

    private static String describe(Problem problem) {
        return problem.errors() == null || problem.errors().isEmpty() ? problem.detail()
                : problem.errors().stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            io.quarkus.logging.Log.warnf("Could not delete the simulation's copy of %s: %s", fileName, e.getMessage());
        }
    }
}
