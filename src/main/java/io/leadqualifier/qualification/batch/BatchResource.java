package io.leadqualifier.qualification.batch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.leadqualifier.leadfile.LeadFileException;
import io.leadqualifier.leadfile.LeadFiles;
import io.leadqualifier.leadfile.LeadMapping;
import io.leadqualifier.leadfile.LeadMappings;
import io.leadqualifier.leadfile.LeadReader;
import io.leadqualifier.security.Roles;

/** {@code POST /api/v1/qualify/batch}: a lead file in, one answer per line out, streamed as NDJSON. */
@Path("/api/v1/qualify/batch")
@Tag(name = "Qualification")
public class BatchResource {
    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final BatchQualification batches;
    private final LeadFiles leadFiles;

    BatchResource(BatchQualification batches, LeadFiles leadFiles) {
        this.batches = batches;
        this.leadFiles = leadFiles;
    }

    @POST
    @RolesAllowed({Roles.CRM, Roles.ADMIN})
    @Consumes({NDJSON, MediaType.APPLICATION_JSON, CSV})
    @Produces(NDJSON)
    @APIResponse(responseCode = "200", description = "One JSON object per line: {line, decision} or {line, problem}, progress lines, then a summary",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "qualifyBatch", summary = "Qualify every line of NDJSON, a JSON array, or a CSV read with a mapping; "
            + "answers stream back as NDJSON, in order, one per line, then a summary")
    public Response batch(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "false: a dry run, evaluated under the active policy, nothing recorded")
            @QueryParam("record") @DefaultValue("true") boolean record,
            @Parameter(description = "For CSV: the name of a built-in mapping (x-education, olist)")
            @QueryParam("mapping") String mapping,
            @Parameter(description = "A progress line every so many answers (0: none; default 10000)")
            @QueryParam("progressEvery") @Min(value = 0, message = "must be 0 or more") Integer progressEvery) {
        LeadReader reader = isCsv(contentType) ? leadFiles.csv(body, builtIn(mapping)) : leadFiles.json(body);
        return answer(reader, record, progressEvery);
    }

    @POST
    @RolesAllowed({Roles.CRM, Roles.ADMIN})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(NDJSON)
    @APIResponse(responseCode = "200", description = "One JSON object per line: {line, decision} or {line, problem}, progress lines, then a summary",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "qualifyBatchFile", summary = "The same with a file upload: part file (CSV, NDJSON or a JSON array) "
            + "and, for CSV, part mapping (a built-in mapping's name, or a mapping's YAML)")
    public Response batchFile(@RestForm("file") FileUpload file, @RestForm("mapping") String mapping,
            @QueryParam("record") @DefaultValue("true") boolean record,
            @QueryParam("progressEvery") @Min(value = 0, message = "must be 0 or more") Integer progressEvery) {
        if (file == null) {
            throw new LeadFileException("Send the lead file as the multipart part 'file'");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean csv = isCsv(file.contentType()) || file.fileName() != null && file.fileName().toLowerCase(Locale.ROOT).endsWith(".csv");
        LeadReader reader = csv ? leadFiles.csv(in, mapping(mapping)) : leadFiles.json(in);
        return answer(reader, record, progressEvery);
    }

    private Response answer(LeadReader reader, boolean record, Integer progressEvery) {
        BatchRun run = batches.run(record, progressEvery);
        StreamingOutput stream = out -> run.run(reader, out);
        return Response.ok(stream, NDJSON).build();
    }

    /** A built-in mapping's name, or a mapping's YAML. */
    private static LeadMapping mapping(String nameOrYaml) {
        if (nameOrYaml != null && !nameOrYaml.isBlank() && !nameOrYaml.contains(":")) {
            return builtIn(nameOrYaml.strip());
        }
        if (nameOrYaml == null || nameOrYaml.isBlank()) {
            return builtIn(null);
        }
        return LeadMapping.read(new ByteArrayInputStream(nameOrYaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static LeadMapping builtIn(String name) {
        if (name == null || name.isBlank()) {
            throw new LeadFileException("A CSV needs a mapping: ?mapping=" + String.join("|", LeadMappings.BUILT_IN)
                    + ", or a multipart upload with a 'mapping' part");
        }
        return LeadMappings.named(name).orElseThrow(() -> new LeadFileException("No mapping named '" + name + "'; the built-in ones are "
                + String.join(", ", LeadMappings.BUILT_IN)));
    }

    private static boolean isCsv(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(CSV);
    }
}
