package cn.streetgov.casework;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Who acted on a task and for which organisation — decided once, here, for the business records
 * and the audit trail alike: the logged-in user who completes the task (else, for a completion
 * without a login, e.g. a job, its assignee); the organisation is the task's candidate group the
 * user is a member of. An administrator repairing a case is a member of none: the business
 * record then names the task's own organisation ({@link #actedFor()}), the audit trail no group.
 *
 * @param userId the user, or null when nobody is logged in and nobody is assigned
 * @param groupId the candidate group of the task the user is a member of, or null
 * @param groupName that group's name (e.g. 东华街道党工委), or null
 * @param taskGroup the task's first candidate group (the organisation the task belongs to), or null
 */
public record Actor(String userId, String groupId, String groupName, String taskGroup) {

    public static Actor of(DelegateTask task) {
        IdentityService identity = task.getProcessEngineServices().getIdentityService();
        Authentication auth = identity.getCurrentAuthentication();
        String user = auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
        List<String> candidateGroups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        if (candidateGroups.isEmpty()) {
            return new Actor(user, null, null, null);
        }
        String acted = null;
        if (user != null) {
            List<String> memberOf = auth != null && user.equals(auth.getUserId()) && auth.getGroupIds() != null
                    && !auth.getGroupIds().isEmpty()
                    ? auth.getGroupIds()
                    : identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
            acted = candidateGroups.stream().filter(memberOf::contains).findFirst().orElse(null);
        }
        if (acted == null) {
            return new Actor(user, null, null, candidateGroups.get(0));
        }
        Group group = identity.createGroupQuery().groupId(acted).singleResult();
        return new Actor(user, acted, group == null ? null : group.getName(), candidateGroups.get(0));
    }

    /** The organisation the decision was taken for: the actor's group, else the task's. */
    public String actedFor() {
        return groupId != null ? groupId : taskGroup;
    }

    /** The user, or {@code system} for work done by the engine itself. */
    public String userOrSystem() {
        return userId == null ? "system" : userId;
    }
}
