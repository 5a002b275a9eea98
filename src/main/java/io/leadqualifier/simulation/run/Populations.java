package io.leadqualifier.simulation.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.leadfile.LeadFiles;
import io.leadqualifier.leadfile.LeadMapping;
import io.leadqualifier.leadfile.LeadMappings;

/** The populations a simulation can run over. */
@ApplicationScoped
public class Populations {
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final LeadFiles files;

    Populations(AgroalDataSource dataSource, ObjectMapper json, jakarta.validation.Validator validator) {
        this.dataSource = dataSource;
        this.json = json;
        this.files = new LeadFiles(json, validator);
    }

    /** The decisions recorded (evaluated) in [from, to), each re-evaluated at its own asOf with its recorded input. */
    public Population recorded(Instant from, Instant to) {
        return new RecordedDecisions(dataSource, json, from, to);
    }

    /**
     * An uploaded leads file: copied (the upload's own file goes with the request), then read line by line when the
     * simulation runs.
     *
     * @param mapping for a CSV: the name of a shipped mapping ({@code x-education}, {@code olist}) or a YAML mapping
     */
    public Population leadsFile(Path upload, String fileName, String mapping) {
        boolean csv = fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        LeadMapping read = null;
        String mappingName = null;
        if (csv) {
            if (mapping == null || mapping.isBlank()) {
                throw new BadRequestException("A CSV leads file needs a mapping: the name of a shipped one " + LeadMappings.BUILT_IN
                        + ", or a YAML mapping");
            }
            read = LeadMappings.named(mapping.strip()).orElse(null);
            mappingName = read != null ? mapping.strip() : null;
            if (read == null) {
                read = yaml(mapping);
                mappingName = read.name();
            }
        }
        try {
            Path copy = Files.createTempFile("simulation-", csv ? ".csv" : ".json");
            Files.copy(upload, copy, StandardCopyOption.REPLACE_EXISTING);
            return new LeadsFile(files, copy, fileName, read, mappingName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mapping that is not a shipped name is read as YAML: a refusal is the lead file reader's problem (which key, why). */
    private static LeadMapping yaml(String mapping) {
        return LeadMapping.read(new ByteArrayInputStream(mapping.getBytes(StandardCharsets.UTF_8)));
    }
}
