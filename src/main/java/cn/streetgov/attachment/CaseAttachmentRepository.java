package cn.streetgov.attachment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseAttachmentRepository extends JpaRepository<CaseAttachment, Long> {

    /** The files of the case not removed, oldest first. */
    List<CaseAttachment> findByProcessInstanceIdAndDeletedAtIsNullOrderByUploadedAtAscIdAsc(String processInstanceId);

    long countByProcessInstanceIdAndDeletedAtIsNull(String processInstanceId);
}
