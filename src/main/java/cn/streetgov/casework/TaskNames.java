package cn.streetgov.casework;

import cn.streetgov.common.PlainVariables;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Task names that carry their case, so that a list of twenty tasks can be told apart: a built-in
 * listener on the creation of every user task (no skip option skips it) names the task
 * {@code 【case number】} + the organisation it belongs to + the step, e.g.
 * {@code 【FQ-2026-0007】东华街道评估承接能力}. The organisation is named when all the task's candidate
 * groups belong to one street/town, department or dispatched agency and the step's name does not
 * already say it; a leading generic word of the step (街道, 部门, 派驻机构) is replaced by the
 * organisation's name ({@code 部门报到} → {@code 东华派出所报到}).
 * The task also gets the case in a few words for its card ({@link CaseDescriber#card}).
 * <p>
 * The record of the case keeps the plain step name of the BPMN ({@code case_decision.step_name},
 * the approval operations, the audit trail, the notices): everything that names a step reads it
 * with {@link #stepOf(DelegateTask)} or {@link #stepName(Task)}, never {@code getName()}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 105)
public class TaskNames extends AbstractProcessEnginePlugin {

    /** The task-local variable that holds the case on the task's card ({@link CaseDescriber#card}). */
    public static final String CARD_VARIABLE = "caseCard";

    private static final String OPEN = "【";
    private static final String CLOSE = "】";

    private final ObjectProvider<OrgDirectory> org;
    private final ObjectProvider<CaseDescriber> cards;
    private final TaskListener created = this::name;
    /** processDefinitionId + '#' + taskKey → the step's BPMN name (definitions never change once deployed). */
    private final Map<String, Optional<String>> stepNames = new ConcurrentHashMap<>();
    private ProcessEngineConfigurationImpl configuration;

    TaskNames(ObjectProvider<OrgDirectory> org, ObjectProvider<CaseDescriber> cards) {
        this.org = org;
        this.cards = cards;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        UserTaskListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, created);
    }

    /** Whether the listener is on the task definitions of this engine's user tasks (the convention test asks). */
    public boolean isOn(TaskDefinition definition) {
        return definition.getBuiltinTaskListenersForEvent(TaskListener.EVENTNAME_CREATE).contains(created);
    }

    void name(DelegateTask task) {
        String step = stepOf(task);
        String caseNo = caseNo(task);
        task.setName(caseName(caseNo, unitOf(candidateGroups(task)), step));
        if (task.getExecution() != null) {
            String processKey = CaseRefs.processKey(task.getExecution());
            cards.orderedStream().filter(card -> card.processKey().equals(processKey)).findFirst()
                    .map(card -> card.card(name -> PlainVariables.value(task.getExecution(), name)))
                    .ifPresent(text -> task.setVariableLocal(CARD_VARIABLE, text));
        }
    }

    /**
     * The name a task of {@code step} gets: the case number in 【】, then the step named for the
     * organisation (when there is one).
     */
    public static String caseName(String caseNo, Unit unit, String step) {
        String plain = step == null ? "" : step;
        String named = unit == null ? plain : unit.stepFor(plain);
        return caseNo == null || caseNo.isBlank() ? named : OPEN + caseNo + CLOSE + named;
    }

    /** The plain step name of a task being created or completed: its element's name in the BPMN. */
    public static String stepOf(DelegateTask task) {
        UserTask element = task.getBpmnModelElementInstance();
        if (element != null && element.getName() != null) {
            return element.getName();
        }
        return withoutCaseNo(task.getName());
    }

    /**
     * The plain step name of a task or historic task: the BPMN name of its element in its process
     * definition; for a task without one (a sign task, a stand-alone task) its name without the
     * case number.
     */
    public String stepName(Task task) {
        return task == null ? null
                : stepName(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName());
    }

    /** The plain step name of a historic task, as {@link #stepName(Task)}. */
    public String stepName(HistoricTaskInstance task) {
        return task == null ? null
                : stepName(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName());
    }

    private String stepName(String processDefinitionId, String taskKey, String name) {
        if (processDefinitionId != null && taskKey != null && configuration != null) {
            Optional<String> step = stepNames.computeIfAbsent(processDefinitionId + "#" + taskKey,
                    key -> Optional.ofNullable(bpmnName(processDefinitionId, taskKey)));
            if (step.isPresent()) {
                return step.get();
            }
        }
        return withoutCaseNo(name);
    }

    /** A name without its leading {@code 【case number】}. */
    public static String withoutCaseNo(String name) {
        if (name != null && name.startsWith(OPEN)) {
            int close = name.indexOf(CLOSE);
            if (close > 0) {
                return name.substring(close + CLOSE.length());
            }
        }
        return name;
    }

    private String bpmnName(String processDefinitionId, String taskKey) {
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedProcessDefinitionById(processDefinitionId);
            ActivityImpl activity = definition == null ? null : definition.findActivity(taskKey);
            return activity == null ? null : activity.getName();
        });
    }

    /** The case number of the task's case, or null when it has none (no business key, no caseNo). */
    private static String caseNo(DelegateTask task) {
        if (task.getExecution() == null) {
            return null;
        }
        String key = task.getExecution().getProcessBusinessKey();
        if (key != null && !key.isBlank()) {
            return key;
        }
        Object variable = PlainVariables.value(task.getExecution(), CaseRefs.CASE_NO);
        return variable == null ? null : variable.toString();
    }

    private static List<String> candidateGroups(DelegateTask task) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    /**
     * The one street/town, department or dispatched agency the groups belong to (a street's office
     * and its committee are one street), else null: no groups, a district-wide body, or several
     * organisations.
     */
    public Unit unitOf(List<String> candidateGroups) {
        Unit unit = null;
        for (String group : candidateGroups) {
            Unit of = unitOf(group);
            if (of == null || (unit != null && !unit.equals(of))) {
                return null;
            }
            unit = of;
        }
        return unit;
    }

    private Unit unitOf(String groupId) {
        OrgDirectory directory = org.getObject();
        for (PostRole role : PostRole.values()) {
            if (!role.isUnitScoped() || !groupId.startsWith(role.groupId(""))) {
                continue;
            }
            String code = groupId.substring(role.groupId("").length());
            return switch (role.unitKind()) {
                case ORG_UNIT -> directory.findUnit(code).map(u -> new Unit(u.getName(), List.of("街道"))).orElse(null);
                case DEPARTMENT -> directory.findDepartment(code).map(d -> new Unit(d.getName(), List.of("部门")))
                        .orElse(null);
                case AGENCY -> directory.findAgency(code).map(a -> new Unit(a.getName(), List.of("派驻机构", "部门")))
                        .orElse(null);
            };
        }
        return null;
    }

    /**
     * An organisation a task belongs to: its name and the generic words a step name may start
     * with in its place.
     */
    public record Unit(String name, List<String> genericWords) {

        /** The step named for this organisation. */
        String stepFor(String step) {
            if (step.contains(name)) {
                return step;
            }
            for (String generic : genericWords) {
                if (step.startsWith(generic)) {
                    return name + step.substring(generic.length());
                }
            }
            return name + step;
        }
    }
}
