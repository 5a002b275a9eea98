package io.leadqualifier.policy.candidate;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.BadRequestException;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyFolders;

/**
 * Policy files sent as multipart parts, read the same way by the API, the console, simulations and shadows: named as
 * they go into the folders, within the upload limits. A refusal is a 400 naming the file.
 */
public final class PolicyUploads {
    /** Uploads per request, and bytes per uploaded file. */
    public static final int MAX_FILES = 20;
    public static final long MAX_FILE_BYTES = 2 * 1024 * 1024;

    private PolicyUploads() {
    }

    /** The parts as policy files; a bare name goes to the folder of its extension. 400 on a name, size or count refused. */
    public static List<PolicyFile> read(List<FileUpload> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            throw new BadRequestException("Send one or more files as multipart/form-data parts");
        }
        if (uploads.size() > MAX_FILES) {
            throw new BadRequestException("At most " + MAX_FILES + " files per request");
        }
        List<PolicyFile> files = new ArrayList<>();
        for (FileUpload upload : uploads) {
            String name = upload.fileName() == null || upload.fileName().isBlank() ? upload.name() : upload.fileName();
            String path = PolicyFolders.pathFor(name).orElseThrow(() -> new BadRequestException("'" + name
                    + "' is not a policy file name: use rules/<name>.drl or decision-tables/<name>.xlsx (letters, digits, . _ -)"));
            if (upload.size() == 0) {
                throw new BadRequestException("'" + name + "' is empty");
            }
            if (upload.size() > MAX_FILE_BYTES) {
                throw new BadRequestException("'" + name + "' is larger than " + MAX_FILE_BYTES + " bytes");
            }
            try {
                files.add(new PolicyFile(path, Files.readAllBytes(upload.uploadedFile())));
            } catch (IOException e) {
                throw new BadRequestException("'" + name + "' could not be read");
            }
        }
        return files;
    }
}
