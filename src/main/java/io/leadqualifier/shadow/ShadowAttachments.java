package io.leadqualifier.shadow;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Where the attachment is kept between restarts: one row, replaced on attach, deleted on detach. */
@ApplicationScoped
class ShadowAttachments {

    @Transactional
    void save(ShadowCandidate candidate) {
        ShadowAttachmentRecord.deleteById(ShadowAttachmentRecord.ONLY);
        ShadowAttachmentRecord.flush();
        ShadowAttachmentRecord record = new ShadowAttachmentRecord();
        record.id = ShadowAttachmentRecord.ONLY;
        record.version = candidate.report().version();
        record.candidateId = candidate.report().id();
        record.basedOn = candidate.basedOn();
        record.attachedAt = candidate.report().submittedAt();
        record.attachedBy = candidate.report().submittedBy();
        record.persist();
    }

    @Transactional
    void clear() {
        ShadowAttachmentRecord.deleteById(ShadowAttachmentRecord.ONLY);
    }

    @Transactional
    Optional<ShadowAttachmentRecord> find() {
        return ShadowAttachmentRecord.findByIdOptional(ShadowAttachmentRecord.ONLY);
    }
}
