package io.leadqualifier.policy.api;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.BadRequestException;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyFolders;

/**
 * Uploaded policy files, read the same way for the API and the console: named {@code rules/<name>.drl} or
 * {@code decision-tables/<name>.xlsx} (a bare name goes to the folder of its extension), at most {@link #MAX_FILES}
 * files of {@link #MAX_FILE_BYTES} bytes, none empty. A refusal is a 400 naming the file.
 */
public final class PolicyUploads {
    /** Uploads per request, and bytes per uploaded file. */
    public static final int MAX_FILES = 20;
    public static final long MAX_FILE_BYTES = 2 * 1024 * 1024;

    private PolicyUploads() {
    }

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
