package cn.streetgov.approval;

import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.org.domain.OrgAdministration;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.security.CurrentUser;
import cn.streetgov.test.ProcessTestSupport;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** What the approval operation tests share: acting as a demo user through the services, colleagues. */
abstract class ApprovalTestSupport extends ProcessTestSupport {

    @Autowired
    ApprovalOperations ops;
    @Autowired
    Signatures signatures;
    @Autowired
    CaseRecordView view;
    @Autowired
    DecisionRecord record;
    @Autowired
    OrgAdministration orgAdmin;

    /** Runs the operation as the user, logged in as the /api filter would log them in. */
    <T> T by(String userId, Function<CurrentUser, T> operation) {
        CurrentUser user = user(userId);
        return as(userId, () -> operation.apply(user));
    }

    /** A new colleague holding a post of the role in the unit (a second member of its group). */
    String colleague(PostRole role, String unitCode, String familyName, String givenName) {
        String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Long version = orgAdmin.createPerson("admin",
                new OrgAdministration.PersonInput(username, familyName, givenName, null, null)).getVersion();
        orgAdmin.addPost("admin", username, new OrgAdministration.PostInput(role.name(), unitCode, "科员", version));
        return username;
    }

    List<CaseDecision> entries(ProcessInstance instance, CaseDecision.Type type) {
        return record.ofProcessInstance(instance.getId()).stream().filter(d -> d.getType() == type).toList();
    }

    List<Task> open(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
    }

    List<String> openKeys(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .map(Task::getTaskDefinitionKey).sorted().toList();
    }
}
