package cn.streetgov.workspace;

import cn.streetgov.approval.ApprovalOperations;
import cn.streetgov.approval.CaseRecordView;
import cn.streetgov.approval.EngineWork;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.org.OrgDirectory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * How the workspace names what people read, never codes: steps as the model names them (a task's own
 * name may carry the case number), people family name first, organisations by their Chinese name,
 * times in the district's zone.
 */
@Component
class CaseNames {

    private final EngineWork engine;
    private final RepositoryService repository;
    private final TaskService tasks;
    private final HistoryService history;
    private final OrgDirectory orgs;
    private final CaseRecordView view;
    private final ApprovalOperations operations;

    CaseNames(EngineWork engine, RepositoryService repository, TaskService tasks, HistoryService history,
            OrgDirectory orgs, CaseRecordView view, ApprovalOperations operations) {
        this.engine = engine;
        this.repository = repository;
        this.tasks = tasks;
        this.history = history;
        this.orgs = orgs;
        this.view = view;
        this.operations = operations;
    }

    /** The step's name in its model, else the given name. */
    String step(String processDefinitionId, String activityId, String fallback) {
        if (processDefinitionId == null || activityId == null) {
            return fallback;
        }
        FlowElement element = engine.privileged(() -> repository.getBpmnModelInstance(processDefinitionId)
                .getModelElementById(activityId));
        return element != null && element.getName() != null ? element.getName() : fallback;
    }

    /** A person's name, family name first; null for null. */
    String person(String userId) {
        return operations.displayName(userId);
    }

    /** The name of a group (东华街道办事处, 东华派出所, 司法局 …). */
    String group(String groupId) {
        return groupId == null ? null : Optional.ofNullable(view.groupName(groupId)).orElse(groupId);
    }

    /** The organisation a group belongs to (东华街道 for street-office-S01), a district body by its group's name. */
    String organisationOf(String groupId) {
        if (groupId == null) {
            return null;
        }
        return orgs.nameOf(CaseRecordView.orgCode(groupId)).orElseGet(() -> group(groupId));
    }

    /** A street/town, department or agency by its name. */
    String organisation(String code) {
        return code == null ? null : orgs.nameOf(code).orElse(code);
    }

    /** The post the person holds in the group (e.g. 东华街道办事处工作人员), or null. */
    String post(String userId, String groupId) {
        return userId == null ? null : orgs.postTitle(userId, groupId).orElse(null);
    }

    /** The candidate groups of an open task. */
    List<String> candidateGroups(String taskId) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : engine.privileged(() -> tasks.getIdentityLinksForTask(taskId))) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                    && !groups.contains(link.getGroupId())) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    /** The candidate groups a task had (from the history of its identity links). */
    List<String> historicCandidateGroups(String taskId) {
        Set<String> added = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        for (HistoricIdentityLinkLog log : engine.privileged(() -> history.createHistoricIdentityLinkLogQuery()
                .taskId(taskId).type(IdentityLinkType.CANDIDATE).list())) {
            if (log.getGroupId() != null) {
                ("delete".equals(log.getOperationType()) ? removed : added).add(log.getGroupId());
            }
        }
        List<String> groups = new ArrayList<>(added);
        if (!groups.stream().allMatch(removed::contains)) {
            groups.removeAll(removed);
        }
        return groups;
    }

    /** An engine time in the district's zone, to the second. */
    static OffsetDateTime at(Date date) {
        return date == null ? null : at(date.toInstant());
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null
                : instant.truncatedTo(ChronoUnit.SECONDS).atZone(CaseClock.zone()).toOffsetDateTime();
    }
}
